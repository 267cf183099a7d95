using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    /// <summary>
    /// Agrees the appointment (P4 一), or moves the one that stands (the old one is kept as moved). Refused in the past,
    /// outside the visiting hours (an emergency may come at any hour) and, until the clerk says yes, when the engineer
    /// already has a visit in that window.
    /// </summary>
    public async Task<RepairResult> ScheduleAsync(int id, int version, AppointmentDraft draft, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ScheduleRepairs, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var now = clock.GetUtcNow();
        var content = Registry.TypedText.Text(draft.WorkContent);
        var errors = new List<FieldMessage>();
        var start = draft.WindowStart?.ToUniversalTime() ?? default;
        var end = draft.WindowEnd?.ToUniversalTime() ?? default;
        if (draft.WindowStart is null || draft.WindowEnd is null)
            errors.Add(new FieldMessage("Window", text["WindowRequired"]));
        else if (end <= start)
            errors.Add(new FieldMessage("Window", text["WindowOrder"]));
        else if (start < now)
            errors.Add(new FieldMessage("Window", text["AppointmentInPast"]));
        if (content is null)
            errors.Add(new FieldMessage("WorkContent", text["WorkContentRequired"]));
        else if (content.Length > Appointment.MaxWorkContent)
            errors.Add(new FieldMessage("WorkContent", text["TooLong", Appointment.MaxWorkContent]));
        if (draft.ExpectedMinutes is < 1 or > 24 * 60)
            errors.Add(new FieldMessage("ExpectedMinutes", text["ExpectedMinutesRange"]));
        var engineers = await EngineersAsync(ct);
        var engineer = engineers.FirstOrDefault(e => e.Id == draft.EngineerId);
        if (engineer is null)
            errors.Add(new FieldMessage("Engineer", text["EngineerRequired"]));
        if (errors.Count > 0)
            return RepairResult.Invalid(errors);

        return await StepAsync(id, version, null, ct, async (db, order, request, actor) =>
        {
            var settings = await SettingsAsync(db, order.EstateId, ct);
            if (order.Urgency != RepairUrgency.Emergency && !WithinVisitingHours(order.EstateId, start, end, settings))
                return Refuse("Window", text["OutsideVisitingHours", settings.VisitFromHour, settings.VisitToHour]);
            if (!draft.AcceptOverlap)
            {
                var overlapping = await db.Appointments.AsNoTracking()
                    .Where(a => a.EngineerId == engineer!.Id && a.Status == AppointmentStatus.Current && a.WorkOrderId != order.Id
                        && a.WindowStart < end && a.WindowEnd > start)
                    .OrderBy(a => a.WindowStart).FirstOrDefaultAsync(ct);
                if (overlapping is not null)
                    return Failed(RepairResult.Confirm("Window", text["EngineerOverlap", engineer!.Name, Local(order.EstateId, overlapping.WindowStart, overlapping.WindowEnd)]));
            }
            var step = order.Status == WorkOrderStatus.Scheduled ? WorkOrderStep.Move : WorkOrderStep.Schedule;
            if (WorkOrderRules.Next(order.Status, step) is not { } next)
                return NotAllowed(order);
            foreach (var current in order.Appointments.Where(a => a.Status == AppointmentStatus.Current))
                current.Status = AppointmentStatus.Moved;
            var appointment = new Appointment
            {
                Status = AppointmentStatus.Current,
                WindowStart = start,
                WindowEnd = end,
                WorkContent = content!,
                ExpectedMinutes = draft.ExpectedMinutes,
                EngineerId = engineer!.Id,
                EngineerName = engineer.Name,
                CreatedAt = clock.GetUtcNow(),
                CreatedByName = actor.Name,
            };
            order.Appointments.Add(appointment);
            // The occupant hears of it through the outbox, saved with the step (P4 一).
            if (await AppointmentNotices.RecipientAsync(db, order.UnitId, request.OccupantId, ct) is { } to)
                notices.AddConfirmation(db, to, order.EstateId, order.Id, order.Appointments.Count, appointment, step == WorkOrderStep.Move, clock.GetUtcNow());
            order.Status = next;
            order.EngineerId = engineer.Id;
            order.EngineerName = engineer.Name;
            // Late past the window: raised to the supervisors, and to the manager when later still.
            request.WarnAt = end;
            request.DueAt = end.AddMinutes(settings.LateArrivalMinutes);
            var key = step == WorkOrderStep.Move ? "Step.Moved" : "Step.Scheduled";
            return Entry(text[key, Local(order.EstateId, start, end), engineer.Name, content!]);
        });
    }

    /// <summary>The engineer is at the door: the time is recorded and the work is in progress.</summary>
    public Task<RepairResult> ArriveAsync(int id, int version, CancellationToken ct = default) =>
        EngineerStepAsync(id, version, WorkOrderStep.Arrive, ct, (order, request, now) =>
        {
            order.ArrivedAt = now;
            request.WarnAt = null;
            request.DueAt = null;
            return text["Step.Arrived"];
        });

    /// <summary>The engineer has done the work and asks the occupant to accept it (P4 六).</summary>
    /// <param name="checks">The P4 checklist items the engineer tapped; recorded on the timeline with those left out.</param>
    public async Task<RepairResult> FinishAsync(int id, int version, string? workDone, IReadOnlyCollection<Visits.VisitCheck>? checks = null,
        Visits.VisitResult result = Visits.VisitResult.Fixed, CancellationToken ct = default)
    {
        var clean = Registry.TypedText.Text(workDone);
        if (clean is null)
            return await permissions.AllowsAsync(Can.WorkVisits, ct) ? RepairResult.Invalid("WorkDone", text["WorkDoneRequired"]) : RepairResult.Invalid("", permissions.Refusal);
        if (clean.Length > WorkOrder.MaxDescription)
            return RepairResult.Invalid("WorkDone", text["TooLong", WorkOrder.MaxDescription]);
        if (!Enum.IsDefined(result) || checks?.Any(c => !Enum.IsDefined(c)) == true)
            return RepairResult.Invalid("Result", text["ChoiceUnknown"]);
        return await EngineerStepAsync(id, version, WorkOrderStep.Finish, ct, (order, _, now) =>
        {
            order.FinishedAt = now;
            order.WorkDone = clean;
            var line = text["Step.Finished", clean] + " · " + text[$"Result.{result}"];
            if (checks is not null)
            {
                var missing = Enum.GetValues<Visits.VisitCheck>().Where(c => !checks.Contains(c)).Select(c => text[$"Check.{c}"].Value).ToList();
                line += "\n" + (missing.Count == 0 ? text["ChecklistComplete"] : text["ChecklistMissing", string.Join(", ", missing)]);
            }
            return line;
        });
    }

    /// <summary>
    /// The occupant's acceptance, signed on the engineer's phone in the kiosk view (P4 六): satisfied completes the repair
    /// and starts the follow-up countdown; not satisfied (a remark says why) sends it back for rework, to be scheduled
    /// again. An acceptance without a signature is refused. For paid work the signature signs the materials' amount too
    /// and creates the signed paid service, once.
    /// </summary>
    public async Task<RepairResult> RecordAcceptanceAsync(int id, int version, bool satisfied, string? remark, string? signature, CancellationToken ct = default)
    {
        var clean = Registry.TypedText.Text(remark);
        if (!satisfied && clean is null)
            return await permissions.AllowsAsync(Can.WorkVisits, ct) ? RepairResult.Invalid("Remark", text["RemarkRequired"]) : RepairResult.Invalid("", permissions.Refusal);
        if (clean?.Length > RepairFollowUp.MaxRemark)
            return RepairResult.Invalid("Remark", text["TooLong", RepairFollowUp.MaxRemark]);
        if (satisfied && Fees.PaidServices.PaidServiceRules.Signature(signature) is { } wrong)
            return await permissions.AllowsAsync(Can.WorkVisits, ct) ? RepairResult.Invalid("Signature", text[$"Signature.{wrong}"]) : RepairResult.Invalid("", permissions.Refusal);
        return await StepAsync(id, version, Can.WorkVisits, ct, async (db, order, request, actor) =>
        {
            if (order.EngineerId != actor.UserId)
                return Refuse("", text["NotYourVisit"]);
            var now = clock.GetUtcNow();
            if (!satisfied)
                return await ReworkAsync(db, order, request, WorkOrderStep.Reject, text["Step.NotAccepted", clean!], ct);
            if (WorkOrderRules.Next(order.Status, WorkOrderStep.Accept) is not { } next)
                return NotAllowed(order);
            var path = signature!.Trim();
            if (order.IsPaid && await AddPaidServiceAsync(db, order, request, actor, path, now, ct) is { } refused)
                return refused;
            var settings = await SettingsAsync(db, order.EstateId, ct);
            order.Status = next;
            order.AcceptedAt = now;
            order.AcceptanceSignature = path;
            request.DueAt = now.AddDays(settings.FollowUpDays);
            request.WarnAt = request.DueAt.Value.AddHours(-settings.FollowUpWarnHours);
            string line = clean is null ? text["Step.Accepted"] : text["Step.AcceptedWithRemark", clean];
            if (order.PaidService is { } paid)
                line += "\n" + text["Step.PaidSigned", paid.Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)];
            return Entry(line);
        });
    }

    /// <summary>
    /// Records a follow-up call (回訪) on a completed repair. No answer keeps it due (call again); satisfied, or issues
    /// that need nothing more, make it followed up; issues can reopen the work order for rework or raise a complaint.
    /// </summary>
    public async Task<RepairResult> RecordFollowUpAsync(int id, int version, FollowUpOutcome outcome, FollowUpAction action, string? remark, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.FollowUpRepairs, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var clean = Registry.TypedText.Text(remark);
        if (!Enum.IsDefined(outcome) || !Enum.IsDefined(action))
            return RepairResult.Invalid("Outcome", text["OutcomeRequired"]);
        if (outcome == FollowUpOutcome.Issues && clean is null)
            return RepairResult.Invalid("Remark", text["RemarkRequired"]);
        if (outcome != FollowUpOutcome.Issues && action != FollowUpAction.None)
            return RepairResult.Invalid("Action", text["ActionOnlyForIssues"]);
        if (clean?.Length > RepairFollowUp.MaxRemark)
            return RepairResult.Invalid("Remark", text["TooLong", RepairFollowUp.MaxRemark]);
        return await StepAsync(id, version, null, ct, async (db, order, request, actor) =>
        {
            // Only a completed repair waits for its follow-up: a second one on a followed-up order is refused.
            if (order.Status != WorkOrderStatus.Completed)
                return Refuse("", text["FollowUpNotDue", text[$"Status.{order.Status}"]]);
            var now = clock.GetUtcNow();
            var followUp = new RepairFollowUp { WorkOrderId = order.Id, Outcome = outcome, Action = action, Remark = clean, At = now, ByName = actor.Name };
            db.RepairFollowUps.Add(followUp);
            var said = text[$"Outcome.{outcome}"] + (clean is null ? "" : ": " + clean);
            switch (outcome)
            {
                case FollowUpOutcome.NoAnswer:
                    return Entry(text["Step.FollowUpNoAnswer"]);
                case FollowUpOutcome.Issues when action == FollowUpAction.Rework:
                    return await ReworkAsync(db, order, request, WorkOrderStep.Reopen, text["Step.FollowUpReopened", said], ct);
                case FollowUpOutcome.Issues when action == FollowUpAction.Complaint:
                    followUp.Complaint = NewComplaint(db, order, request, actor, now, clean!);
                    break;
            }
            order.Status = WorkOrderRules.Next(order.Status, WorkOrderStep.FollowUp)!.Value;
            order.FollowedUpAt = now;
            request.WarnAt = null;
            request.DueAt = null;
            return Entry(text["Step.FollowedUp", said]);
        });
    }

    /// <summary>Closes a followed-up repair and its request. A repair without a recorded follow-up cannot be closed.</summary>
    public Task<RepairResult> CloseAsync(int id, int version, CancellationToken ct = default) =>
        StepAsync(id, version, Can.FollowUpRepairs, ct, (_, order, request, _) =>
        {
            if (WorkOrderRules.Next(order.Status, WorkOrderStep.Close) is not { } next)
                return Task.FromResult(order.Status == WorkOrderStatus.Completed ? Refuse("", text["CloseNeedsFollowUp"]) : NotAllowed(order));
            var now = clock.GetUtcNow();
            order.Status = next;
            order.ClosedAt = now;
            request.Status = RequestStatus.Closed;
            request.ClosedAt = now;
            request.RepliedAt ??= now;
            return Task.FromResult(Entry(text["Step.Closed"], closes: true));
        });

    /// <summary>Cancels a work order not yet done, with the reason; its request closes with the reason as the remark.</summary>
    public async Task<RepairResult> CancelAsync(int id, int version, string? reason, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ScheduleRepairs, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var clean = Registry.TypedText.Text(reason);
        if (clean is null)
            return RepairResult.Invalid("Reason", text["CancelReasonRequired"]);
        if (clean.Length > WorkOrder.MaxReason)
            return RepairResult.Invalid("Reason", text["TooLong", WorkOrder.MaxReason]);
        return await StepAsync(id, version, null, ct, (_, order, request, _) =>
        {
            if (WorkOrderRules.Next(order.Status, WorkOrderStep.Cancel) is not { } next)
                return Task.FromResult(NotAllowed(order));
            var now = clock.GetUtcNow();
            order.Status = next;
            order.CancelReason = clean;
            order.ClosedAt = now;
            foreach (var current in order.Appointments.Where(a => a.Status == AppointmentStatus.Current))
                current.Status = AppointmentStatus.Ended;
            request.Status = RequestStatus.Closed;
            request.ClosedAt = now;
            request.CloseReason = CloseReason.Other;
            request.Remark = clean;
            return Task.FromResult(Entry(text["Step.Cancelled", clean], closes: true));
        });
    }

    private async Task<StepDone> ReworkAsync(AppDbContext db, WorkOrder order, ServiceRequest request, WorkOrderStep step, string timeline, CancellationToken ct)
    {
        if (WorkOrderRules.Next(order.Status, step) is not { } next)
            return NotAllowed(order);
        var now = clock.GetUtcNow();
        order.Status = next;
        order.ReworkCount++;
        order.ArrivedAt = order.FinishedAt = order.AcceptedAt = null;
        order.WorkDone = null;
        foreach (var current in order.Appointments.Where(a => a.Status == AppointmentStatus.Current))
            current.Status = AppointmentStatus.Ended;
        // Back to scheduling, with the scheduling deadline counted from now.
        var reception = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == order.EstateId, ct) ?? new ReceptionSettings { EstateId = order.EstateId };
        var deadline = Deadlines.For(RequestKind.Repair, now, null, reception);
        request.DueAt = deadline.DueAt;
        request.WarnAt = deadline.WarnAt;
        return Entry(timeline);
    }

    private ServiceRequest NewComplaint(AppDbContext db, WorkOrder order, ServiceRequest repair, Actor actor, DateTimeOffset now, string remark)
    {
        var reception = db.ReceptionSettings.AsNoTracking().SingleOrDefault(s => s.EstateId == order.EstateId) ?? new ReceptionSettings { EstateId = order.EstateId };
        var deadline = Deadlines.For(RequestKind.Complaint, now, null, reception);
        var complaint = new ServiceRequest
        {
            EstateId = order.EstateId,
            Kind = RequestKind.Complaint,
            Channel = Channel.ServiceLine,
            UnitId = repair.UnitId,
            OccupantId = repair.OccupantId,
            CallerName = repair.CallerName,
            Phone = repair.Phone,
            Content = text["ComplaintFromFollowUp", repair.Id, remark],
            Status = RequestStatus.Open,
            ReceivedAt = now,
            DueAt = deadline.DueAt,
            WarnAt = deadline.WarnAt,
            TakenById = actor.UserId,
            TakenByName = actor.Name,
        };
        complaint.Timeline.Add(ReceptionService.Entry(TimelineKind.Created, actor, now));
        db.ServiceRequests.Add(complaint);
        return complaint;
    }

    private Task<RepairResult> EngineerStepAsync(int id, int version, WorkOrderStep step, CancellationToken ct, Func<WorkOrder, ServiceRequest, DateTimeOffset, string> apply) =>
        StepAsync(id, version, Can.WorkVisits, ct, (_, order, request, actor) =>
        {
            // An engineer works his own visits only: another's is refused, whatever id is sent.
            if (order.EngineerId != actor.UserId)
                return Task.FromResult(Refuse("", text["NotYourVisit"]));
            if (WorkOrderRules.Next(order.Status, step) is not { } next)
                return Task.FromResult(NotAllowed(order));
            order.Status = next;
            return Task.FromResult(Entry(apply(order, request, clock.GetUtcNow())));
        });

    /// <summary>What a step did: the timeline text, or why nothing was written.</summary>
    private sealed record StepDone(string? Timeline, RepairResult? Refused, bool Closes = false);

    private static StepDone Entry(string timeline, bool closes = false) => new(timeline, null, closes);
    private static StepDone Refuse(string field, string message) => new(null, RepairResult.Invalid(field, message));
    private static StepDone Failed(RepairResult result) => new(null, result);
    private StepDone NotAllowed(WorkOrder order) => Refuse("", text["StepNotAllowed", text[$"Status.{order.Status}"]]);

    /// <summary>
    /// Loads the order with its request and appointments, checks the action (when given) and the version the user saw,
    /// applies the step and saves it with its timeline entry in one save. A concurrent change wins: nothing is lost.
    /// </summary>
    private async Task<RepairResult> StepAsync(int id, int version, string? action, CancellationToken ct,
        Func<AppDbContext, WorkOrder, ServiceRequest, Actor, Task<StepDone>> apply)
    {
        if (action is not null && !await permissions.AllowsAsync(action, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.Include(w => w.Request).Include(w => w.Appointments).SingleOrDefaultAsync(w => w.Id == id, ct);
        if (order is null)
            return RepairResult.NotFound(text["WorkOrderNotFound"]);
        if (order.Version != version)
            return RepairResult.Conflict(text["ChangedMeanwhile"]);
        var request = order.Request!;
        var done = await apply(db, order, request, actor);
        if (done.Refused is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        request.Timeline.Add(Step(actor, now, done.Timeline!));
        db.Entry(request).State = EntityState.Modified;
        db.Entry(order).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RepairResult.Conflict(text["ChangedMeanwhile"]);
        }
        logger.LogInformation("Work order {WorkOrderId} is now {Status}", order.Id, order.Status);
        await PublishAsync(db, request, done.Closes ? WorkQueueEventKind.Closed : WorkQueueEventKind.Changed, now);
        if (db.ChangeTracker.Entries<RepairFollowUp>().FirstOrDefault()?.Entity.Complaint is { } complaint)
            await PublishAsync(db, complaint, WorkQueueEventKind.Created, now);
        return RepairResult.Done(order);
    }
}

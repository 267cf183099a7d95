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
        else if (end > start && (end - start).TotalMinutes < draft.ExpectedMinutes)
            // The work must fit the time the occupant keeps free for it.
            errors.Add(new FieldMessage("Window", text["WindowShorterThanWork", (int)(end - start).TotalMinutes, draft.ExpectedMinutes]));
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
            return Entry(Say(key, Local(order.EstateId, start, end), engineer.Name, content!));
        });
    }

    /// <summary>The engineer is at the door: the time is recorded and the work is in progress.</summary>
    public Task<RepairResult> ArriveAsync(int id, int version, CancellationToken ct = default) =>
        EngineerStepAsync(id, version, WorkOrderStep.Arrive, ct, (order, request, now) =>
        {
            order.ArrivedAt = now;
            request.WarnAt = null;
            request.DueAt = null;
            return [Say("Step.Arrived")];
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
            var done = Say("Step.FinishedAs", clean, Word($"Result.{result}"));
            if (checks is not null)
                order.VisitChecks = Visits.VisitChecklist.Write(checks);
            if (checks is null)
                return [done];
            var missing = Enum.GetValues<Visits.VisitCheck>().Where(c => !checks.Contains(c)).Select(c => $"Check.{c}").ToList();
            return [done, missing.Count == 0 ? Say("ChecklistComplete") : Say("ChecklistMissing", new PhraseWords(missing))];
        });
    }
}

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
            PhraseLine Said(string key) => clean is null ? Say(key, Word($"Outcome.{outcome}")) : Say(key + "Remark", Word($"Outcome.{outcome}"), clean);
            switch (outcome)
            {
                case FollowUpOutcome.NoAnswer:
                    return Entry(Say("Step.FollowUpNoAnswer"));
                case FollowUpOutcome.Issues when action == FollowUpAction.Rework:
                    return await ReworkAsync(db, order, request, WorkOrderStep.Reopen, Said("Step.FollowUpReopened"), ct);
                case FollowUpOutcome.Issues when action == FollowUpAction.Complaint:
                    followUp.Complaint = NewComplaint(db, order, request, actor, now, clean!);
                    break;
            }
            order.Status = WorkOrderRules.Next(order.Status, WorkOrderStep.FollowUp)!.Value;
            order.FollowedUpAt = now;
            request.WarnAt = null;
            request.DueAt = null;
            return Entry(Said("Step.FollowedUp"));
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
            return Task.FromResult(Closing(Say("Step.Closed")));
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
            return Task.FromResult(Closing(Say("Step.Cancelled", clean)));
        });
    }

    private async Task<StepDone> ReworkAsync(AppDbContext db, WorkOrder order, ServiceRequest request, WorkOrderStep step, PhraseLine timeline, CancellationToken ct)
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
}

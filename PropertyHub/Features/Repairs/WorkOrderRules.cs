namespace PropertyHub.Features.Repairs;

/// <summary>The things that move a work order on.</summary>
public enum WorkOrderStep
{
    /// <summary>An appointment agreed (first time, or again after rework).</summary>
    Schedule,
    /// <summary>The appointment moved to another time or engineer; the order stays scheduled.</summary>
    Move,
    Arrive,
    /// <summary>The engineer has done the work and asks for acceptance.</summary>
    Finish,
    Accept,
    /// <summary>The occupant did not accept: rework.</summary>
    Reject,
    /// <summary>The follow-up call reached the occupant (satisfied, or issues not needing rework).</summary>
    FollowUp,
    /// <summary>The follow-up found it not fixed: rework.</summary>
    Reopen,
    Close,
    Cancel,
}

/// <summary>
/// The work order's state machine in one place: to schedule → scheduled → in progress → awaiting acceptance → completed
/// → followed up → closed; not accepted or reopened at the follow-up → rework → scheduled again; cancelled (with a
/// reason) before the work is done. There is no way to closed but through a follow-up (P1§5.5, 100%).
/// </summary>
public static class WorkOrderRules
{
    /// <summary>The status after the step, or null when the step is not allowed from <paramref name="from"/>.</summary>
    public static WorkOrderStatus? Next(WorkOrderStatus from, WorkOrderStep step) => (from, step) switch
    {
        (WorkOrderStatus.ToSchedule or WorkOrderStatus.Rework, WorkOrderStep.Schedule) => WorkOrderStatus.Scheduled,
        (WorkOrderStatus.Scheduled, WorkOrderStep.Move) => WorkOrderStatus.Scheduled,
        (WorkOrderStatus.Scheduled, WorkOrderStep.Arrive) => WorkOrderStatus.InProgress,
        (WorkOrderStatus.InProgress, WorkOrderStep.Finish) => WorkOrderStatus.AwaitingAcceptance,
        (WorkOrderStatus.AwaitingAcceptance, WorkOrderStep.Accept) => WorkOrderStatus.Completed,
        (WorkOrderStatus.AwaitingAcceptance, WorkOrderStep.Reject) => WorkOrderStatus.Rework,
        (WorkOrderStatus.Completed, WorkOrderStep.FollowUp) => WorkOrderStatus.FollowedUp,
        (WorkOrderStatus.Completed, WorkOrderStep.Reopen) => WorkOrderStatus.Rework,
        (WorkOrderStatus.FollowedUp, WorkOrderStep.Close) => WorkOrderStatus.Closed,
        (WorkOrderStatus.ToSchedule or WorkOrderStatus.Scheduled or WorkOrderStatus.InProgress or WorkOrderStatus.Rework, WorkOrderStep.Cancel) => WorkOrderStatus.Cancelled,
        _ => null,
    };

    public static bool Allows(WorkOrderStatus from, WorkOrderStep step) => Next(from, step) is not null;

    /// <summary>Whether the order is finished with: nothing more happens to it.</summary>
    public static bool IsFinal(WorkOrderStatus status) => status is WorkOrderStatus.Closed or WorkOrderStatus.Cancelled;
}

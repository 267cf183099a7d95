namespace PropertyHub.Features.Reception;

public enum WorkQueueEventKind
{
    Created,
    Changed,
    Escalated,
    Closed,
}

/// <summary>
/// Something happened to a service request. Carries no personal data beyond the unit and the kind, so it may
/// leave the process (Redis, the SignalR hub). Receivers re-read the database: the event is a hint.
/// </summary>
public sealed record WorkQueueEvent(
    WorkQueueEventKind Kind,
    int RequestId,
    int EstateId,
    RequestKind RequestKind,
    string? Unit,
    EscalationLevel Level,
    Department? Department,
    DateTimeOffset? DueAt,
    DateTimeOffset At);

/// <summary>The one bus for work-queue events: in memory by default, Redis pub/sub across instances.</summary>
public interface IWorkQueueEvents
{
    Task PublishAsync(WorkQueueEvent e);

    /// <summary>Calls the handler for every event until the returned subscription is disposed.</summary>
    IDisposable Subscribe(Func<WorkQueueEvent, Task> handler);
}

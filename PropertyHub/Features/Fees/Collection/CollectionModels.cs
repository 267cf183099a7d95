namespace PropertyHub.Features.Fees.Collection;

/// <summary>One collection task as the assignment page and the phone page show it.</summary>
public sealed record CollectionRow(
    int TaskId,
    int Version,
    int EstateId,
    int PaymentRequestId,
    int BuildingId,
    string BuildingCode,
    string BuildingName,
    int UnitId,
    string Unit,
    int Floor,
    string PayerName,
    string? PayerPhone,
    DateOnly Month,
    DateOnly DueDate,
    decimal Outstanding,
    CollectionStatus Status,
    DateOnly? PromisedDate,
    string? AssignedToId,
    string? AssignedToName,
    CollectionVisit? LastVisit);

/// <summary>A building's tasks under a filter at a glance: how many in each state and what is still outstanding, over all of them.</summary>
public sealed record BuildingCollection(
    int BuildingId,
    string Code,
    string Name,
    int Open,
    int Promised,
    int Paid,
    int Refused,
    int Unassigned,
    decimal Outstanding);

/// <summary>Which tasks the assignment page shows.</summary>
public sealed record CollectionFilter(CollectionStatus? Status = null, string? AssignedToId = null, bool UnassignedOnly = false, int? BuildingId = null);

/// <summary>A member of staff who can be sent to collect.</summary>
public sealed record Collector(string Id, string Name);

/// <summary>A task the user saw, with the version they saw.</summary>
public sealed record TaskVersion(int TaskId, int Version);

/// <summary>What happened at the door, as typed on the phone.</summary>
public sealed class VisitInput
{
    public int TaskId { get; set; }
    public int Version { get; set; }
    public VisitOutcome Outcome { get; set; }
    public string? Amount { get; set; }
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public DateOnly? PromisedDate { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The outcome of an action: errors keyed by field ("" for the whole form) whose values are CollectionText keys, or
/// FeesText keys for the payment's own fields. Nothing is written when there are any.
/// </summary>
public sealed record CollectionResult(IReadOnlyDictionary<string, string> Errors, int Count = 0, int? PaymentId = null,
    string? ReceiptNumber = null, bool TaskPaid = false)
{
    public bool Ok => Errors.Count == 0;

    public bool Conflict => Errors.TryGetValue("", out var key) && key == "ConcurrencyConflict";

    public static CollectionResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });

    public static CollectionResult Done(int count = 1) => new(new Dictionary<string, string>(), count);
}

public enum ReminderOutcome
{
    Queued,
    AlreadySentToday,
    NotFound,
    NotAllowed,
}

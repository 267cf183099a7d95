namespace PropertyHub.Features.Reception.Queue;

/// <summary>What the open queue shows. Kinds default to complaints and inquiries (SPEC §2).</summary>
public sealed record QueueFilter
{
    public static readonly IReadOnlySet<RequestKind> DefaultKinds = new HashSet<RequestKind> { RequestKind.Complaint, RequestKind.Inquiry };

    public int EstateId { get; init; }
    public IReadOnlySet<RequestKind> Kinds { get; init; } = DefaultKinds;
    public Department? Department { get; init; }
    public string? AssigneeId { get; init; }
    public int? BuildingId { get; init; }
    public EscalationLevel? Level { get; init; }
    public bool OverdueOnly { get; init; }
}

/// <summary>One open item as the queue lists it: no phone, content cut to an excerpt.</summary>
public sealed record QueueRow(
    int Id,
    int Version,
    RequestKind Kind,
    Channel Channel,
    string? Unit,
    string? CallerName,
    string Excerpt,
    Department? Department,
    string? AssigneeName,
    EscalationLevel Level,
    bool IsImportant,
    bool IsOverdue,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnAt,
    string? ServiceManagerName = null);

/// <summary>
/// The queue's counters within the filter's scope (the "overdue only" switch aside). Warning: raised to the
/// supervisors or higher and not overdue. Due today: the deadline falls on today's date in the estate's time zone.
/// </summary>
public sealed record QueueCounters(int Open, int DueToday, int Warning, int Overdue);

public sealed record QueueSlice(
    IReadOnlyList<QueueRow> Rows,
    int Total,
    int PageIndex,
    int PageCount,
    QueueCounters Counters,
    int CriticalHours,
    DateTimeOffset Now);

public sealed record BuildingOption(int Id, string Code, string Name);

/// <summary>A member of staff an item can be assigned to: their roles and the department set on their user, if any.</summary>
public sealed record StaffOption(string Id, string Name, IReadOnlyCollection<string> Roles, Department? Department = null)
{
    public StaffOption(string id, string name) : this(id, name, []) { }
}

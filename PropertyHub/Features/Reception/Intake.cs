namespace PropertyHub.Features.Reception;

/// <summary>What the clerk did with the contact (P3 4.2.1).</summary>
public enum IntakeOutcome
{
    /// <summary>Logged for handling: complaints, repair requests, suggestions.</summary>
    Logged,
    /// <summary>An inquiry answered on the spot; the item is closed at once.</summary>
    AnsweredNow,
    /// <summary>An inquiry to be answered by the agreed reply time.</summary>
    AgreedReply,
    /// <summary>Transferred to a department with a remark.</summary>
    Transferred,
    /// <summary>A message taken for an absent colleague, to be called back.</summary>
    Message,
}

/// <summary>The intake form's content. Strings are trimmed by the service.</summary>
public sealed record Intake
{
    public int EstateId { get; init; }
    public RequestKind Kind { get; init; }
    public Channel Channel { get; init; }
    public IntakeOutcome Outcome { get; init; }
    public int? UnitId { get; init; }
    public int? OccupantId { get; init; }
    public string? CallerName { get; init; }
    public string? Phone { get; init; }
    public string? Content { get; init; }
    public bool IsImportant { get; init; }
    public DateTimeOffset? AgreedReplyAt { get; init; }
    public Department? TransferTo { get; init; }
    public string? Remark { get; init; }
    public string? ForColleague { get; init; }
    /// <summary>For an inquiry answered now: the answer given, and the archive entry it came from.</summary>
    public string? Answer { get; init; }
    public int? KnowledgeEntryId { get; init; }

    /// <summary>Calls must say which unit and who is calling (P2 5.5).</summary>
    public bool IsCall => Channel is Channel.RepairHotline or Channel.ServiceLine or Channel.ComplaintLine;
}

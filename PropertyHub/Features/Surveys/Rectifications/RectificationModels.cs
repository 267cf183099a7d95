using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Surveys.Rectifications;

/// <summary>Which rectifications a list shows by status.</summary>
public enum RectificationFilter
{
    Open,
    Done,
    SignedOff,
    All,
}

/// <summary>The filters of the rectifications list; null department or quarter means any.</summary>
public sealed record RectificationQuery(
    RectificationFilter Status = RectificationFilter.Open,
    bool OverdueOnly = false,
    Department? Department = null,
    string? Quarter = null);

/// <summary>One rectification as the list and the edit dialog show it.</summary>
public sealed record RectificationRow(
    int Id,
    int Version,
    int EstateId,
    string Quarter,
    string Unit,
    string Item,
    int Score,
    string? Comment,
    Department Department,
    string? ResponsiblePerson,
    DateOnly CreatedOn,
    DateOnly DueDate,
    bool Overdue,
    RectificationStatus Status,
    string? Measure,
    string? EvidenceNote,
    DateTimeOffset? DoneAt,
    string? SignedOffBy,
    DateTimeOffset? SignedOffAt);

/// <summary>One page of the rows that match the filters, how many match in all, and the counters of all rectifications (open; overdue).</summary>
public sealed record RectificationList(IReadOnlyList<RectificationRow> Rows, int Total, int OpenCount, int OverdueCount);

/// <summary>What the responsible side fills in on a rectification.</summary>
public sealed class RectificationEdit
{
    public Department Department { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly DueDate { get; set; }
    public string? Measure { get; set; }
    public string? EvidenceNote { get; set; }

    public static RectificationEdit From(RectificationRow row) => new()
    {
        Department = row.Department,
        ResponsiblePerson = row.ResponsiblePerson,
        DueDate = row.DueDate,
        Measure = row.Measure,
        EvidenceNote = row.EvidenceNote,
    };
}

/// <summary>
/// What a change did. <see cref="Error"/> is a SurveyWorkText key for the whole change ("Conflict" means someone else
/// saved first: show SharedText ConcurrencyConflict and reload); <see cref="FieldErrors"/> maps field names to
/// SurveyWorkText keys. Nothing is saved unless both are empty.
/// </summary>
public sealed record WorkResult(string? Error, IReadOnlyDictionary<string, string> FieldErrors)
{
    public const string Conflict = "Conflict";

    public static readonly WorkResult Saved = new(null, new Dictionary<string, string>());

    public bool Ok => Error is null && FieldErrors.Count == 0;

    public bool IsConflict => Error == Conflict;

    public static WorkResult Fail(string error) => new(error, new Dictionary<string, string>());

    public static WorkResult Invalid(IReadOnlyDictionary<string, string> fieldErrors) => new(null, fieldErrors);
}

namespace PropertyHub.Features.Surveys;

/// <summary>What an occupant (or a clerk from the paper form) answers: a score per item, comments and suggestions.</summary>
public sealed class SurveyAnswer
{
    public const int MaxText = 1000;

    /// <summary>Item id → score 1 (very dissatisfied) … 5 (very satisfied); null while not yet chosen.</summary>
    public Dictionary<int, int?> Scores { get; set; } = [];
    public string? Comment { get; set; }
    public string? Suggestion { get; set; }
}

/// <summary>
/// The outcome of answering. <see cref="Error"/> is a SurveyText key for the whole form; <see cref="ItemErrors"/>
/// maps item ids to SurveyText keys. Nothing is saved unless both are empty.
/// </summary>
/// <summary>An estate the paper entry page offers.</summary>
public sealed record PaperEstate(int Id, string Name);

public sealed record AnswerResult(string? Error, IReadOnlyDictionary<int, string> ItemErrors)
{
    public static readonly AnswerResult Saved = new(null, new Dictionary<int, string>());

    public bool Ok => Error is null && ItemErrors.Count == 0;

    public static AnswerResult Fail(string error) => new(error, new Dictionary<int, string>());
}

/// <summary>An issued form as its answer page shows it.</summary>
public sealed record SurveyForm(int SurveyId, int Version, string Quarter, string Unit, string OccupantName, string Language,
    SurveyStatus Status, string? AnsweredVia, IReadOnlyList<SurveyFormItem> Items);

public sealed record SurveyFormItem(int Id, string Code, string Name);

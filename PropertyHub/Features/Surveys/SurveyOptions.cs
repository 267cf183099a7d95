using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Surveys;

public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>When the quarterly duty issues the forms, in estate time: the first day of each quarter at 09:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 9 1 1,4,7,10 *";

    /// <summary>Days a rectification has from the answer that caused it.</summary>
    [Range(1, 365)]
    public int RectificationDays { get; set; } = 14;

    /// <summary>Units issued per transaction by the quarterly duty: memory stays flat however large the estate.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;
}

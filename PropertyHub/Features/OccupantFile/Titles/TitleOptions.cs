using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.OccupantFile.Titles;

public sealed class TitleOptions
{
    public const string Section = "Titles";

    /// <summary>How many days after today (estate date) a transfer may be dated: a sale signed for next week, not next year.</summary>
    [Range(0, 366)]
    public int MaxDaysAhead { get; set; } = 30;
}

using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Fees.Disclosures;

public sealed class DisclosureOptions
{
    public const string Section = "Disclosures";

    /// <summary>When the statements are drafted, in estate time: 1 January and 1 July at 09:00 (P1§7.6).</summary>
    [Required]
    public string Cron { get; set; } = "0 9 1 1,7 *";

    /// <summary>Occupants given their notice per save while publishing: memory stays flat however large the estate.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;
}

using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Fees.Collection;

public sealed class CollectionOptions
{
    public const string Section = "Collection";

    /// <summary>When the collection duty runs, in estate time: the 21st at 09:00, the day after requests fall due.</summary>
    [Required]
    public string Cron { get; set; } = "0 9 21 * *";

    /// <summary>Requests looked at per transaction by the duty: memory stays flat however many units there are.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;
}

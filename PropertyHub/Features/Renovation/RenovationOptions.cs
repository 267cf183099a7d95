using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Renovation;

/// <summary>What the reviewer's approval form offers as the deposit and fee due; the reviewer may type others.</summary>
public sealed class RenovationOptions
{
    public const string Section = "Renovation";

    [Range(0, 1_000_000)]
    public decimal Deposit { get; set; } = 2000m;

    [Range(0, 1_000_000)]
    public decimal Fee { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Fund;

/// <summary>The maintenance fund's settings (section "Fund").</summary>
public sealed class FundOptions
{
    public const string Section = "Fund";

    /// <summary>An expenditure above this amount needs a second Manager's approval, not the first approver's.</summary>
    [Range(typeof(decimal), "0", "100000000")]
    public decimal SecondApprovalAbove { get; set; } = 50_000m;
}

using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Fund;

/// <summary>The maintenance fund's settings (section "Fund").</summary>
public sealed class FundOptions
{
    public const string Section = "Fund";

    /// <summary>An expenditure above this amount needs a second Manager's approval, not the first approver's.</summary>
    [Range(typeof(decimal), "0", "100000000")]
    public decimal SecondApprovalAbove { get; set; } = 50_000m;

    /// <summary>How many days apart a bank line and a ledger line may be dated and still be matched automatically.</summary>
    [Range(0, 31)]
    public int MatchWindowDays { get; set; } = 3;

    /// <summary>On this day of each month the duty opens the previous month's reconciliation and tells Finance.</summary>
    [Range(1, 28)]
    public int ReconciliationOpensOnDay { get; set; } = 5;

    /// <summary>A month not closed by this day of the next month is flagged to the Manager.</summary>
    [Range(1, 28)]
    public int ReconciliationDueDay { get; set; } = 10;
}

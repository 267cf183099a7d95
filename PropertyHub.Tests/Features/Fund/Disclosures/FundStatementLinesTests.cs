using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Disclosures;
using PropertyHub.Features.Fund.Reports;

namespace PropertyHub.Tests.Features.Fund.Disclosures;

/// <summary>The fund statement's lines from its body: what occupants read must add up.</summary>
public sealed class FundStatementLinesTests
{
    private static FundDisclosureBody Body(decimal usageSpent, decimal adjustments, int adjustmentLines)
    {
        var months = new List<FundReportMonth>
        {
            new(new DateOnly(2026, 1, 1), 10_000m, 500m, 12.5m, 0m, usageSpent),
            new(new DateOnly(2026, 2, 1), 10_512.5m - usageSpent, 500m, 0m, 0m, adjustments),
        };
        var byUsage = Enum.GetValues<FundUsageItem>().Select(i => new FundReportUsage(i, i == FundUsageItem.DailyRepairs ? usageSpent : 0m, i == FundUsageItem.DailyRepairs ? 1 : 0)).ToList();
        var period = new FundReport(1, "心家泊花园", "建设银行", "**** 6543", 2026, months, byUsage) { Adjustments = new(adjustments, adjustmentLines) };
        return new FundDisclosureBody(HalfYear.Parse("2026-H1"), period, [], []);
    }

    private static decimal Sum(List<DisclosureLine> lines, DisclosureLineKind kind, string? category = null) =>
        lines.Where(l => l.Kind == kind && (category is null || l.Category == category)).Sum(l => l.Amount);

    [Fact]
    public void ABankCharge_IsASpendingLineOfItsOwn_SoOpeningPlusReceiptsLessSpendingIsTheClosingBalance()
    {
        var lines = FundStatements.Lines(Body(usageSpent: 200m, adjustments: 15m, adjustmentLines: 1));

        Assert.Equal(15m, Sum(lines, DisclosureLineKind.Expenditure, DisclosureCategories.FundAdjustments));
        Assert.Equal(215m, Sum(lines, DisclosureLineKind.Expenditure));
        Assert.Equal(Sum(lines, DisclosureLineKind.Balance, DisclosureCategories.FundClosing),
            Sum(lines, DisclosureLineKind.Balance, DisclosureCategories.FundOpening) + Sum(lines, DisclosureLineKind.Income) - Sum(lines, DisclosureLineKind.Expenditure));
    }

    [Fact]
    public void NoAdjustments_NoAdjustmentsLine()
    {
        var lines = FundStatements.Lines(Body(usageSpent: 200m, adjustments: 0m, adjustmentLines: 0));

        Assert.DoesNotContain(lines, l => l.Category == DisclosureCategories.FundAdjustments);
        Assert.Equal(200m, Sum(lines, DisclosureLineKind.Expenditure));
    }
}

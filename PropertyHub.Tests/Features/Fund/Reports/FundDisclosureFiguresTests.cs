using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Disclosures;
using PropertyHub.Features.Fund.Reconciliation;

namespace PropertyHub.Tests.Features.Fund.Reports;

/// <summary>The body of the semiannual fund statement, on the class's one app (January reconciled, February open).</summary>
public sealed partial class FundReportsTests
{
    private async Task<FundDisclosureBody?> BodyAsync(HalfYear halfYear, int? accountId = null)
    {
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            if (!db.FundMonths.Any(m => m.FundAccountId == app.Fund.AccountId))
            {
                db.FundMonths.AddRange(
                    new FundMonth { FundAccountId = app.Fund.AccountId, Month = new DateOnly(2026, 1, 1), OpenedBy = "财务", OpenedAt = DateTimeOffset.UtcNow,
                        ClosedAt = DateTimeOffset.UtcNow, ClosedBy = "财务", ClosingBalance = 100_000m },
                    new FundMonth { FundAccountId = app.Fund.AccountId, Month = new DateOnly(2026, 2, 1), OpenedBy = "财务", OpenedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
        return await app.Fund.As(Roles.Manager, sp => sp.GetRequiredService<FundDisclosureFigures>().BodyAsync(accountId ?? app.Fund.AccountId, halfYear));
    }

    [Fact]
    public async Task DisclosureBody_FirstHalf_OpeningReceiptsSpendingClosing_MainWorksWithoutTheReversedOne_MonthsReconciled()
    {
        var body = (await BodyAsync(new HalfYear(2026, 1)))!;

        Assert.Equal((100_000m, 20_000m, 150.50m, 0m, 112_150.50m), (body.Opening, body.Contributions, body.Interest, body.OtherReceipts, body.Closing));
        Assert.Equal(8_000m, body.Period.ByUsage.Single(u => u.Item == FundUsageItem.DailyRepairs).Spending);
        var work = Assert.Single(body.MainWorks);
        Assert.Equal((8_000m, new DateOnly(2026, 3, 12), FundUsageItem.DailyRepairs, "3号楼屋面防水"), (work.Amount, work.PaidOn, work.Item, work.Purpose));
        Assert.Equal([FundMonthState.Closed, FundMonthState.Open, FundMonthState.NotOpened, FundMonthState.NotOpened, FundMonthState.NotOpened, FundMonthState.NotOpened],
            body.Reconciliation.Select(m => m.State));
    }

    [Fact]
    public async Task DisclosureBody_AHalfNotYetBegun_HasNoMonths_AndAnUnknownAccountIsNull()
    {
        var later = (await BodyAsync(new HalfYear(2026, 2)))!;

        Assert.Empty(later.Period.Months);
        Assert.Empty(later.MainWorks);
        Assert.Null(await BodyAsync(new HalfYear(2026, 1), app.Fund.AccountId + 1000));
    }
}

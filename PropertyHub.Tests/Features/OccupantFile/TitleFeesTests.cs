using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Fees.Books;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>Fees after a transfer: each owner is charged the days they owned, by the existing proration by days.</summary>
public sealed class TitleFeesTests : IAsyncLifetime
{
    private static readonly DateOnly December = new(2026, 12, 1);
    private readonly ClockedAppFactory factory = new(TitleTesting.Now);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Issue_SoldOnThe10th_SellerChargedNineDaysBuyerTwentyTwoBuyerReceivesTheRequest()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));

        await TitleTesting.IssueAsync(factory, December);

        await using var db = await factory.CreateDbContextAsync();
        await AssertSplitAtTheTransferAsync(db, unit);
    }

    [Fact]
    public async Task Issue_SoldOnTheFirst_OneOwnerWholeMonthLikeAnyMonth()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, December);

        await TitleTesting.IssueAsync(factory, December);

        await using var db = await factory.CreateDbContextAsync();
        var request = await db.PaymentRequests.Include(r => r.Lines).SingleAsync(r => r.UnitId == unit.UnitId && r.Month == December);
        Assert.Equal(unit.BuyerId, request.OccupantId);
        var management = request.Lines.Single(l => l.Description.StartsWith("物业管理费"));
        Assert.Equal(("物业管理费", FeeCalculator.Round(unit.Area * 2.80m), (int?)null), (management.Description, management.Amount, management.OwnerId));
    }

    [Fact]
    public void OwnersInMonth_FirstOwnerOnFileFromMidMonth_OwnsFromTheFirstNoSplit()
    {
        var seller = new Occupant { Id = 1, Name = "甲", UnitId = 9 };
        var buyer = new Occupant { Id = 2, Name = "乙", UnitId = 9 };

        var onlyLater = PaymentRequestIssuer.OwnersInMonth([(new DateOnly(2026, 12, 12), 1)], [seller, buyer], December);
        var sold = PaymentRequestIssuer.OwnersInMonth([(new DateOnly(2020, 5, 1), 1), (new DateOnly(2026, 12, 10), 2), (new DateOnly(2027, 1, 1), 1)], [seller, buyer], December);

        Assert.Equal([new MonthOwner(December, 1, "甲")], onlyLater);
        Assert.Equal([new MonthOwner(December, 1, "甲"), new MonthOwner(new DateOnly(2026, 12, 10), 2, "乙")], sold);
    }

    /// <summary>The management fee (2.80/m² for homes) split at 10 December: days 1–9 the seller's, 10–31 the buyer's.</summary>
    internal static async Task AssertSplitAtTheTransferAsync(AppDbContext db, SoldUnit unit)
    {
        var request = await db.PaymentRequests.Include(r => r.Lines).SingleAsync(r => r.UnitId == unit.UnitId && r.Month == December);
        Assert.Equal(unit.BuyerId, request.OccupantId);
        var management = request.Lines.Where(l => l.Description.StartsWith("物业管理费")).OrderBy(l => l.Id).ToList();
        Assert.Equal(
            [
                ($"物业管理费 (12-01–12-09 {unit.Seller})", FeeCalculator.Round(unit.Area * 2.80m * 9 / 31), (int?)unit.SellerId),
                ($"物业管理费 (12-10–12-31 {unit.Buyer})", FeeCalculator.Round(unit.Area * 2.80m * 22 / 31), (int?)unit.BuyerId),
            ],
            management.Select(l => (l.Description, l.Amount, l.OwnerId)));
        Assert.All(request.Lines.Where(l => l.Kind == RequestLineKind.Fee), l => Assert.NotNull(l.OwnerId));
        Assert.Equal(request.Lines.Where(l => l.Kind != RequestLineKind.Arrears).Sum(l => l.Amount), request.Total);
    }
}

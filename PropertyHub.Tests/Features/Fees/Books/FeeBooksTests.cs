using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Books;

namespace PropertyHub.Tests.Features.Fees.Books;

/// <summary>The books of the known requests and payments (see <see cref="BooksScenario"/>), read on 25 Dec 2026.</summary>
[Collection(BooksCollection.Name)]
public sealed class FeeBooksTests(BooksApp app)
{
    private static (decimal, decimal, decimal, decimal) Of(BooksFigures f) => (f.Receivable, f.Collected, f.ReceivedInMonth, f.Arrears);

    [Fact]
    public async Task OpeningMonth_ReadInDecemberBeforeItsRun_IsNovemberTheLastBilled()
    {
        var opening = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().OpeningMonthAsync(app.Known.EstateId));

        Assert.Equal(new DateOnly(2026, 11, 1), opening);
    }

    [Fact]
    public async Task Book_November_BilledNothingCollectedReversalNetsOutArrearsOfOctAndNov()
    {
        var book = await app.Factory.BookAsync(app.Known.EstateId, 2026, 11);

        Assert.NotNull(book);
        // Received in Nov: 100 (00:30 on 1 Nov in Shanghai) + 200 - 200 reversed; arrears: Oct 50 + Nov 280.50.
        Assert.Equal((280.50m, 0m, 100m, 330.50m), Of(book.Estate));
        Assert.Equal(0d, book.Estate.CollectionRate);
        Assert.Equal(new DateOnly(2026, 12, 25), book.AsOf);
    }

    [Fact]
    public async Task Book_October_PartialPaymentGivesCollectionRateAndPerBuildingAndUnitFigures()
    {
        var book = await app.Factory.BookAsync(app.Known.EstateId, 2026, 10);

        Assert.NotNull(book);
        // The payment at 00:30 on 1 Nov Shanghai time is November's, though it is still 31 Oct in UTC.
        Assert.Equal((300m, 250m, 450m, 50m), Of(book.Estate));
        Assert.Equal(250d / 300d, book.Estate.CollectionRate!.Value, 10);
        var unit = Assert.Single(book.Units);
        Assert.Equal((app.Known.Unit, (300m, 250m, 450m, 50m)), (unit.Unit, Of(unit.Figures)));
        var building = book.Buildings.Single(b => b.BuildingId == app.Known.BuildingId);
        Assert.Equal((300m, 250m, 450m, 50m), Of(building.Figures));
        Assert.All(book.Buildings.Where(b => b.BuildingId != app.Known.BuildingId), b => Assert.Equal(BooksFigures.Zero, b.Figures));
        Assert.All(book.Buildings.Where(b => b.BuildingId != app.Known.BuildingId), b => Assert.Null(b.Figures.CollectionRate));
    }

    [Fact]
    public async Task Book_Buildings_LabelledByTheirNamesAsWritten()
    {
        var book = await app.Factory.BookAsync(app.Known.EstateId, 2026, 10);
        await using var db = await app.Factory.CreateDbContextAsync();
        var stored = await db.Buildings.Where(b => b.EstateId == app.Known.EstateId).ToDictionaryAsync(b => b.Id);

        Assert.NotNull(book);
        Assert.Contains(book.Buildings, b => b.Name == "1号楼");
        Assert.All(book.Buildings, b => Assert.Equal(stored[b.BuildingId].Name, b.Name));
        // In the order people count them: building 2 before building 10.
        Assert.Equal(book.Buildings.Select(b => stored[b.BuildingId].Code).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal),
            book.Buildings.Select(b => stored[b.BuildingId].Code));
    }

    [Fact]
    public async Task Book_September_PaidInFullNoArrears()
    {
        var book = await app.Factory.BookAsync(app.Known.EstateId, 2026, 9);

        Assert.Equal((300m, 300m, 0m, 0m), Of(book!.Estate));
        Assert.Equal(1d, book.Estate.CollectionRate);
    }

    [Fact]
    public async Task Aging_OnChristmas_OctoberIn61To90AndNovemberIn31To60()
    {
        var book = await app.Factory.BookAsync(app.Known.EstateId, 2026, 12);

        var aging = book!.Aging.ToDictionary(b => b.Key, b => (b.Amount, b.Requests));
        Assert.Equal(FeeBooks.AgingKeys, book.Aging.Select(b => b.Key));
        Assert.Equal((0m, 0), aging["NotDue"]);
        Assert.Equal((0m, 0), aging["Days1To30"]);
        Assert.Equal((280.50m, 1), aging["Days31To60"]); // due 20 Nov: 35 days
        Assert.Equal((50m, 1), aging["Days61To90"]); // due 20 Oct: 66 days
        Assert.Equal((0m, 0), aging["Over90"]);
    }

    [Theory]
    [InlineData("2026-12-26", "NotDue")]
    [InlineData("2026-12-25", "NotDue")]
    [InlineData("2026-12-24", "Days1To30")]
    [InlineData("2026-11-25", "Days1To30")]
    [InlineData("2026-11-24", "Days31To60")]
    [InlineData("2026-10-26", "Days31To60")]
    [InlineData("2026-10-25", "Days61To90")]
    [InlineData("2026-09-26", "Days61To90")]
    [InlineData("2026-09-25", "Over90")]
    public void BucketOf_DaysPastDue_Boundaries(string due, string bucket) =>
        Assert.Equal(bucket, FeeBooks.BucketOf(new DateOnly(2026, 12, 25), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Collection_TwelveMonthsUpToNovember_RatePerMonth()
    {
        var book = await app.Factory.BookAsync(app.Known.EstateId, 2026, 11);

        var months = book!.Collection;
        Assert.Equal(12, months.Count);
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 1)), (months[0].Month, months[^1].Month));
        Assert.Equal((300m, 300m), (months[^3].Receivable, months[^3].Collected));
        Assert.Equal((300m, 250m), (months[^2].Receivable, months[^2].Collected));
        Assert.Equal((280.50m, 0m), (months[^1].Receivable, months[^1].Collected));
        Assert.All(months.Take(9), m => Assert.Null(m.Rate));
    }

    [Fact]
    public async Task Statement_Unit_RequestsPaymentsWithReceiptsReversalAndNoCredit()
    {
        var (unitId, error) = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().FindUnitAsync(app.Known.EstateId, " " + app.Known.Unit));
        var statement = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().StatementAsync(unitId!.Value));

        Assert.Null(error);
        Assert.NotNull(statement);
        Assert.Equal([300m, 250m, 0m], statement.Requests.Select(r => r.Paid));
        Assert.Equal(["R2026-000001", "R2026-000002", "R2026-000003", "R2026-000004"], statement.Payments.Select(p => p.ReceiptNumber));
        Assert.Equal([450m, 100m, 200m, -200m], statement.Payments.Select(p => p.Amount));
        var reversal = statement.Payments[^1];
        Assert.Equal(("R2026-000003", "Paid for the wrong unit"), (reversal.ReversalOf, reversal.Reason));
        Assert.Equal([(new DateOnly(2026, 10, 1), -50m), (new DateOnly(2026, 11, 1), -150m)], reversal.Allocations.Select(a => (a.Month, a.Amount)));
        Assert.Equal([(new DateOnly(2026, 9, 1), 300m), (new DateOnly(2026, 10, 1), 150m)], statement.Payments[0].Allocations.Select(a => (a.Month, a.Amount)));
        Assert.Equal((880.50m, 550m, 330.50m, 0m), (statement.Billed, statement.Paid, statement.Outstanding, statement.Credit));
    }

    [Fact]
    public async Task Statement_ReadInEnglish_EachRequestNamesItsFeesInEnglish()
    {
        UnitStatement? statement = null;
        await Registry.RegistryTesting.InCultureAsync("en", async () =>
            statement = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().StatementAsync(app.Known.UnitId)));

        Assert.NotNull(statement);
        Assert.All(statement.Requests, r => Assert.Equal("Property management fee", Assert.Single(r.Lines).Label));
        Assert.Equal(statement.Requests.Select(r => r.Total), statement.Requests.Select(r => r.Lines.Sum(l => l.Amount)));
    }

    [Fact]
    public async Task FindUnit_FullWidthDigitsAndDash_FindTheUnit()
    {
        var fullWidth = string.Concat(app.Known.Unit.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '-' ? '－' : c));

        var found = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().FindUnitAsync(app.Known.EstateId, fullWidth));
        var ascii = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().FindUnitAsync(app.Known.EstateId, app.Known.Unit));

        Assert.NotNull(ascii.UnitId);
        Assert.Equal(ascii, found);
    }

    [Theory]
    [InlineData("", "UnitRequired")]
    [InlineData("Z-9999", "UnitNotFound")]
    [InlineData("\u200B", "UnitRequired")]
    [InlineData("Z-٩٩٩٩", "UnitDigitsNotAscii")]
    public async Task FindUnit_Unknown_Message(string text, string message)
    {
        var (unitId, error) = await app.Factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().FindUnitAsync(app.Known.EstateId, text));

        Assert.Equal((null, message), (unitId, error));
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Books;

namespace PropertyHub.Tests.Features.Fees.Books;

/// <summary>
/// The known books: the first occupied unit billed 300.00 (Sep, due 09-20), 300.00 (Oct, due 10-20) and 280.50
/// (Nov, due 11-20); paid 450 on 15 Oct (Sep in full, 150 on Oct), 100 at 00:30 on 1 Nov Shanghai time (still 31 Oct
/// in UTC; Oct 250), 200 on 10 Nov (Oct 300, Nov 150) which is reversed on 12 Nov (Oct 250, Nov 0). Read on 25 Dec 2026.
/// </summary>
public static class BooksScenario
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public sealed record Known(int UnitId, int EstateId, int BuildingId, string Unit);

    public static async Task<Known> RunAsync(ClockedAppFactory factory, Func<int, Task>? more = null)
    {
        var (unitId, estateId) = await PaymentServiceTests.SeedRequestsAsync(factory);
        factory.At(2026, 10, 15, 10);
        Assert.True((await PaymentServiceTests.PayAsync(factory, unitId, "450")).Ok);
        factory.At(2026, 11, 1, 0, 30);
        Assert.True((await PaymentServiceTests.PayAsync(factory, unitId, "100", PaymentMethod.WeChatPay, "wx-1")).Ok);
        factory.At(2026, 11, 10, 10);
        var wrong = await PaymentServiceTests.PayAsync(factory, unitId, "200.00");
        Assert.True(wrong.Ok);
        factory.At(2026, 11, 12, 10);
        await factory.AsAsync(Roles.Finance, async sp =>
            Assert.True((await sp.GetRequiredService<PaymentService>().ReverseAsync(wrong.PaymentId!.Value, "Paid for the wrong unit")).Ok));
        if (more is not null)
            await more(unitId);
        factory.At(2026, 12, 25, 10);
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => new { u.BuildingId, u.Building!.Code, u.Number }).SingleAsync();
        return new Known(unitId, estateId, unit.BuildingId, $"{unit.Code}-{unit.Number}");
    }

    public static Task<FeeBook?> BookAsync(this ClockedAppFactory factory, int estateId, int year, int month) =>
        factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().BookAsync(estateId, new DateOnly(year, month, 1)));
}

/// <summary>One app with the known books, read (never changed) by the books tests.</summary>
public sealed class BooksApp : IAsyncLifetime
{
    public ClockedAppFactory Factory { get; } = new(BooksScenario.Start);
    public BooksScenario.Known Known { get; private set; } = null!;

    public async Task InitializeAsync() => Known = await BooksScenario.RunAsync(Factory);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BooksCollection : ICollectionFixture<BooksApp>
{
    public const string Name = "Fee books";
}

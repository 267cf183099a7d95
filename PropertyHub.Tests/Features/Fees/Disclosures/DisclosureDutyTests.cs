using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Tests.Features.Fees.Books;

namespace PropertyHub.Tests.Features.Fees.Disclosures;

/// <summary>
/// The semiannual duty on known fee income: October (management 200, equipment 50, a paid service 30) and November
/// (management 200, equipment 50) requests of one unit; paid 280 on 15 Oct, 100 on 20 Nov, 50.01 on 1 Dec, 200 on
/// 15 Dec (99.99 to November, 100.01 left as credit) and 20 at 00:30 on 1 Jan 2027 (the next half-year).
/// The app was down on 1 January: it starts on 2 January 2027.
/// </summary>
public sealed class DisclosureDutyTests : IAsyncLifetime
{
    private readonly ClockedAppFactory factory = new(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    private int estateId;

    public async Task InitializeAsync() => estateId = await SeedIncomeAsync(factory);

    /// <summary>Bills and pays the known income (see the class summary); returns the estate. The clock ends on 2 January 2027, 10:00.</summary>
    public static async Task<int> SeedIncomeAsync(ClockedAppFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).Include(u => u.Occupants).Where(u => u.Occupants.Any()).OrderBy(u => u.Id).FirstAsync();
        var items = await db.FeeItems.Where(i => i.EstateId == unit.Building!.EstateId).ToDictionaryAsync(i => i.Code, i => i.Id);
        PaymentRequest Request(int month, params PaymentRequestLine[] lines) => new()
        {
            EstateId = unit.Building!.EstateId, BuildingId = unit.BuildingId, UnitId = unit.Id, OccupantId = unit.Occupants[0].Id,
            Month = new DateOnly(2026, month, 1), DueDate = new DateOnly(2026, month, 20), IssuedAt = DateTimeOffset.UtcNow,
            Total = lines.Where(l => l.Kind != RequestLineKind.Arrears).Sum(l => l.Amount), Lines = [.. lines],
        };
        PaymentRequestLine Line(RequestLineKind kind, string? item, decimal amount) =>
            new() { Kind = kind, FeeItemId = item is null ? null : items[item], Description = item ?? "service", Quantity = 1, Rate = amount, Amount = amount };
        db.PaymentRequests.AddRange(
            Request(10, Line(RequestLineKind.Fee, "management", 200m), Line(RequestLineKind.Fee, "equipment", 50m), Line(RequestLineKind.PaidService, null, 30m)),
            Request(11, Line(RequestLineKind.Fee, "management", 200m), Line(RequestLineKind.Fee, "equipment", 50m), Line(RequestLineKind.Arrears, null, 0m)));
        await db.SaveChangesAsync();
        foreach (var (when, amount) in new[]
        {
            (new DateTimeOffset(2026, 10, 15, 10, 0, 0, TimeSpan.FromHours(8)), "280"),
            (new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), "100"),
            (new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)), "50.01"),
            (new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(8)), "200"),
            (new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8)), "20"),
        })
        {
            factory.Clock.SetUtcNow(when.ToUniversalTime());
            Assert.True((await PaymentServiceTests.PayAsync(factory, unit.Id, amount)).Ok);
        }
        factory.At(2027, 1, 2, 10);
        return unit.Building!.EstateId;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void Duty_Schedule_FirstOfJanuaryAndJulyDraftsTheHalfYearJustEnded()
    {
        var duty = factory.Services.GetServices<IScheduledDuty>().Single(d => d.Name == DisclosureDuty.DutyName);
        var dutyClock = factory.Services.GetRequiredService<DutyClock>();

        var latest = dutyClock.LatestOccurrence(duty, factory.Clock.GetUtcNow());
        var next = dutyClock.NextOccurrence(duty, factory.Clock.GetUtcNow());

        Assert.Equal(new DateTime(2027, 1, 1, 9, 0, 0), latest);
        Assert.Equal("2026-H2", duty.PeriodOf(latest!.Value));
        Assert.Equal("2027-H1", duty.PeriodOf(new DateTime(2027, 7, 1, 9, 0, 0)));
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task CatchUp_HalfYearMissedWhileDown_DraftedOnceOnStart()
    {
        var first = await CatchUpAsync();
        var second = await CatchUpAsync();

        await using var db = await factory.CreateDbContextAsync();
        var estates = await db.Estates.CountAsync();
        var run = await db.ScheduledRuns.SingleAsync(r => r.Duty == DisclosureDuty.DutyName);
        Assert.Equal(("2026-H2", RunStatus.Succeeded, estates), (run.Period, run.Status, run.Count));
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var disclosure = await db.Disclosures.Include(d => d.Lines).SingleAsync(d => d.EstateId == estateId);
        Assert.Equal(("2026-H2", 1, DisclosureStatus.Draft), (disclosure.HalfYear, disclosure.Revision, disclosure.Status));
        Assert.Equal(estates, await db.Disclosures.CountAsync());
        Assert.NotEmpty(disclosure.Lines);
        Assert.All(disclosure.Lines, l => Assert.Equal(DisclosureLineKind.Income, l.Kind));
    }

    [Fact]
    public async Task Draft_KnownPayments_IncomePerFeeItemPaidServicesAndCreditNoExpenditure()
    {
        var drafted = await factory.WithAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H2"), CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        var disclosure = await db.Disclosures.Include(d => d.Lines).SingleAsync(d => d.EstateId == estateId);
        Assert.Equal(await db.Estates.CountAsync(), drafted);
        // 1 Dec: 50.01 over 200/250 gives 40.008 → 40.01 management and the rest, 10.00, equipment; the 1 Jan payment is 2027's.
        Assert.Equal(
            [("fee:management", 400.00m), ("fee:equipment", 100.00m), ("paid-services", 30.00m), ("other-income", 100.01m)],
            disclosure.Lines.OrderBy(l => l.Order).Select(l => (l.Category, l.Amount)));
        Assert.All(disclosure.Lines, l => Assert.Equal(DisclosureLineKind.Income, l.Kind));
    }

    [Fact]
    public async Task RunNow_TwiceAtOnceAndAgain_OneStatementPerEstate()
    {
        var outcomes = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();
        var direct = await factory.WithAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H2"), CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        Assert.Contains(RunOutcome.Ran, outcomes);
        Assert.Equal(RunOutcome.AlreadyDone, again);
        Assert.Equal(0, direct);
        Assert.Equal(await db.Estates.CountAsync(), await db.Disclosures.CountAsync());
    }

    private Task<int> CatchUpAsync() =>
        factory.WithAsync(async sp => (await sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None)).Ran);

    private Task<RunOutcome> RunAsync() => factory.WithAsync(sp =>
    {
        var runner = sp.GetRequiredService<DutyRunner>();
        return runner.RunAsync(runner.Find(DisclosureDuty.DutyName), "2026-H2", CancellationToken.None);
    });
}

[Collection(PostgresCollection.Name)]
public sealed class DisclosurePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task DraftApprovePublish_OnPostgres_IncomeOnceAndNoticesOnce()
    {
        await using var factory = new ClockedAppFactory(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)))
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("disclosure_" + Guid.NewGuid().ToString("N")[..8]),
            Settings = { ["Disclosures:BatchSize"] = "25" },
        };
        var estateId = await DisclosureDutyTests.SeedIncomeAsync(factory);

        var drafted = await Task.WhenAll(Draft(), Draft(), Draft());
        await using var db = await factory.CreateDbContextAsync();
        var disclosure = await db.Disclosures.Include(d => d.Lines).SingleAsync(d => d.EstateId == estateId);
        await factory.AsAsync(Roles.Manager, async sp => Assert.True((await sp.GetRequiredService<DisclosureService>().ApproveAsync(disclosure.Id, disclosure.Version)).Ok));
        var published = new List<DisclosureResult>();
        for (var i = 0; i < 2; i++)
            await factory.AsAsync(Roles.Manager, async sp => published.Add(await sp.GetRequiredService<DisclosureService>().PublishAsync(disclosure.Id, disclosure.Version + 1)));

        Assert.Equal(await db.Estates.CountAsync(), drafted.Sum());
        Assert.Equal(
            [("fee:management", 400.00m), ("fee:equipment", 100.00m), ("paid-services", 30.00m), ("other-income", 100.01m)],
            disclosure.Lines.OrderBy(l => l.Order).Select(l => (l.Category, l.Amount)));
        Assert.Equal([null, "AlreadyPublished"], published.Select(r => r.Error));
        var occupants = await db.Occupants.CountAsync(o => o.Unit!.Building!.EstateId == estateId);
        Assert.Equal(occupants, await db.Notices.Where(n => n.Kind == "disclosure" && n.OccupantId != null).Select(n => n.OccupantId).Distinct().CountAsync());
        Assert.Equal(1, await db.Notices.CountAsync(n => n.Kind == "disclosure" && n.Channel == PropertyHub.Features.Notices.NoticeChannel.Board));

        Task<int> Draft() => factory.WithAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H2"), CancellationToken.None));
    }
}

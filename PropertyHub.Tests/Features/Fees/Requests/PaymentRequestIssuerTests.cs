using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Fees.Requests;

public sealed class PaymentRequestIssuerTests : IAsyncLifetime
{
    private static readonly DateOnly December = new(2026, 12, 1);
    // Wednesday 16 December 2026, 10:00 in Shanghai: the requests were due to go out yesterday at 09:00.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory factory = new() { Settings = { ["PaymentRequests:BatchSize"] = "70" } };
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = null!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    private async Task<int> IssueAsync(DateOnly? month = null, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? host = null)
    {
        await using var scope = (host ?? app).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(month ?? December, CancellationToken.None);
    }

    private async Task<AppDbContext> DbAsync()
    {
        var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>The management fee for homes goes from 2.80 to 3.10 on 16 December.</summary>
    private async Task HomesManagementRateFromThe16thAsync()
    {
        await using var db = await DbAsync();
        var management = await db.FeeItems.SingleAsync(i => i.Code == "management");
        db.FeeRates.Add(new FeeRate { FeeItemId = management.Id, Use = UnitUse.Residential, Amount = 3.10m, EffectiveFrom = new(2026, 12, 16), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private static Task<int> PayingUnitsAsync(AppDbContext db) => db.Units.CountAsync(u => u.Occupants.Any());

    /// <summary>
    /// The run's transactions commit without waiting for the disk, so it must leave nothing only in SQLite's log: when
    /// it returns, every request is in the database file itself (a copy of the file without its log has them all),
    /// and the connection it used commits durably again.
    /// </summary>
    [Fact]
    public async Task Issue_OnSqlite_EveryRequestIsInTheDatabaseFileWhenTheRunReturns()
    {
        _ = app.Services;
        var issued = await IssueAsync();

        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(factory.EffectiveConnectionString).DataSource;
        var copy = Path.Combine(factory.ContentFolder, "file-only.db");
        File.Copy(path, copy);
        await using (var fileOnly = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=false"))
        {
            await fileOnly.OpenAsync();
            await using var count = fileOnly.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"PaymentRequests\" WHERE \"Month\" = '{December:yyyy-MM-dd}'";
            Assert.Equal(issued, Convert.ToInt32(await count.ExecuteScalarAsync()));
        }
        Assert.True(issued > 0);

        await using var db = await DbAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(2L, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync());
    }

    [Fact]
    public async Task Issue_EveryUnitWithAPayer_LinesFromRatesDueThe20th()
    {
        var issued = await IssueAsync();

        await using var db = await DbAsync();
        Assert.Equal(await PayingUnitsAsync(db), issued);
        Assert.Equal(0, await db.PaymentRequests.CountAsync(r => !db.Occupants.Any(o => o.UnitId == r.UnitId)));
        var unit = await db.Units.Include(u => u.Occupants).FirstAsync(u => u.Use == UnitUse.Residential && u.Occupants.Any());
        var request = await db.PaymentRequests.Include(r => r.Lines).SingleAsync(r => r.UnitId == unit.Id);
        // Issued on the 16th, a day late: the payer still gets five days (MinDaysToPay), so it is due the 21st, not the 20th.
        Assert.Equal((December, new DateOnly(2026, 12, 21)), (request.Month, request.DueDate));
        var expected = new[]
        {
            Math.Round(unit.Area * 2.80m, 2, MidpointRounding.AwayFromZero),
            Math.Round(unit.Area * 0.60m, 2, MidpointRounding.AwayFromZero),
            10.00m,
        };
        Assert.Equal(expected, request.Lines.OrderBy(l => l.Id).Select(l => l.Amount));
        Assert.Equal(expected.Sum(), request.Total);
        var payer = await db.Occupants.SingleAsync(o => o.Id == request.OccupantId);
        Assert.True(payer.Role == OccupantRole.Owner || unit.Occupants.All(o => o.Role == OccupantRole.Tenant));
    }

    [Fact]
    public async Task Issue_RateChangesOnThe16th_TwoDatedLinesByDays()
    {
        await HomesManagementRateFromThe16thAsync();

        await IssueAsync();

        await using var check = await DbAsync();
        var unit = await check.Units.FirstAsync(u => u.Use == UnitUse.Residential && u.Occupants.Any());
        var request = await check.PaymentRequests.Include(r => r.Lines).SingleAsync(r => r.UnitId == unit.Id);
        var lines = request.Lines.Where(l => l.Description.StartsWith("物业管理费")).OrderBy(l => l.Id).ToList();
        Assert.Equal(["物业管理费 (12-01–12-15)", "物业管理费 (12-16–12-31)"], lines.Select(l => l.Description));
        Assert.Equal([Math.Round(unit.Area * 2.80m * 15 / 31, 2, MidpointRounding.AwayFromZero), Math.Round(unit.Area * 3.10m * 16 / 31, 2, MidpointRounding.AwayFromZero)],
            lines.Select(l => l.Amount));
        Assert.Equal(request.Lines.Sum(l => l.Amount), request.Total);
    }

    [Fact]
    public async Task Issue_EnglishPayers_LetterAndLinkPageNameEachFeeInEnglishWithItsDays()
    {
        await using (var db = await DbAsync())
            await db.Occupants.ExecuteUpdateAsync(o => o.SetProperty(x => x.PreferredLanguage, "en"));
        await HomesManagementRateFromThe16thAsync();

        await IssueAsync();

        await using var check = await DbAsync();
        var unit = await check.Units.FirstAsync(u => u.Use == UnitUse.Residential && u.Occupants.Any());
        var request = await check.PaymentRequests.SingleAsync(r => r.UnitId == unit.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<PaymentRequestViews>().ByIdAsync(request.Id);
        string[] expected = ["Property management fee (12-01–12-15)", "Property management fee (12-16–12-31)", "Building equipment operating fee", "Refuse collection fee"];
        Assert.Equal(expected, view!.Lines.Select(l => l.Label));
        var letter = await check.Notices.SingleAsync(n => n.Kind == PaymentRequestNotices.Kind && n.SourceKey == PaymentRequestNotices.SourceKey(December, unit.Id)
            && n.Channel == NoticeChannel.Letter);
        Assert.Equal("en", letter.Language);
        Assert.All(expected, label => Assert.Contains(label, letter.Body));
        Assert.DoesNotContain("物业管理费", letter.Body);
    }

    [Fact]
    public async Task Issue_NoticesAndLinkForEveryRequest()
    {
        var issued = await IssueAsync();

        await using var db = await DbAsync();
        Assert.Equal(issued, await db.Notices.CountAsync(n => n.Kind == PaymentRequestNotices.Kind && n.Channel == NoticeChannel.Letter));
        Assert.Equal(issued, await db.PersonalLinks.CountAsync(l => l.Purpose == LinkPurpose.PaymentRequest));
        var letter = await db.Notices.FirstAsync(n => n.Kind == PaymentRequestNotices.Kind && n.Language == "zh-Hans" && n.Channel == NoticeChannel.Letter);
        Assert.Equal("付款请求书（2026年12月）", letter.Subject);
        // Issued a day late (the 16th): due five days later.
        Assert.Contains("请于 2026-12-21 前缴纳", letter.Body);
        Assert.Contains("物业管理费", letter.Body);
        Assert.Matches("/p/[A-Za-z0-9_-]{43}$", app.Services.OpenLink(letter.SealedLink));
    }

    [Fact]
    public async Task Issue_TwiceAndThreeAtOnce_OneRequestPerUnitAndMonth()
    {
        var counts = await Task.WhenAll(IssueAsync(), IssueAsync(), IssueAsync());
        var again = await IssueAsync();

        await using var db = await DbAsync();
        var paying = await PayingUnitsAsync(db);
        Assert.Equal(paying, counts.Sum());
        Assert.Equal(0, again);
        Assert.Equal(paying, await db.PaymentRequests.CountAsync());
        Assert.Equal(paying, await db.Notices.CountAsync(n => n.Kind == PaymentRequestNotices.Kind && n.Channel == NoticeChannel.Letter));
    }

    [Fact]
    public async Task Issue_CrashHalfWay_RunAgainBillsTheRestOnce()
    {
        var crash = new CrashOnBatch(failOnBatch: 2) { Armed = false };
        await using var crashing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(crash))));
        _ = crashing.Services;
        crash.Armed = true;

        await Assert.ThrowsAsync<IOException>(() => IssueAsync(host: crashing));
        int afterCrash;
        await using (var db = await DbAsync())
        {
            afterCrash = await db.PaymentRequests.CountAsync();
            Assert.InRange(afterCrash, 1, 70);
            Assert.Equal(afterCrash, await db.PersonalLinks.CountAsync());
            Assert.Equal(0, await db.PaymentRequestLines.CountAsync(l => !db.PaymentRequests.Any(r => r.Id == l.PaymentRequestId)));
        }

        crash.Armed = false;
        var rest = await IssueAsync(host: crashing);

        await using var after = await DbAsync();
        var paying = await PayingUnitsAsync(after);
        Assert.Equal(paying - afterCrash, rest);
        Assert.Equal(paying, await after.PaymentRequests.CountAsync());
    }

    [Fact]
    public async Task CatchUp_15thMissedWhileDown_IssuedOnceOnStart()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None);
        }

        await using var db = await DbAsync();
        var run = await db.ScheduledRuns.SingleAsync(r => r.Duty == PaymentRequestDuty.DutyName);
        Assert.Equal(("2026-12", RunStatus.Succeeded), (run.Period, run.Status));
        Assert.Equal(await PayingUnitsAsync(db), run.Count);
        Assert.Equal(run.Count, await db.PaymentRequests.CountAsync(r => r.Month == December));
    }

    [Fact]
    public async Task PaidServices_SignedBilledOnceUnsignedNever()
    {
        int unitId;
        await using (var db = await DbAsync())
        {
            var unit = await db.Units.Include(u => u.Occupants).Include(u => u.Building).FirstAsync(u => u.Occupants.Any());
            unitId = unit.Id;
            db.PaidServices.AddRange(
                Service(unit, "更换水龙头", 85.00m, signed: true),
                Service(unit, "疏通下水道", 60.00m, signed: false));
            await db.SaveChangesAsync();
        }

        await IssueAsync();
        await IssueAsync(December.AddMonths(1));

        await using var check = await DbAsync();
        var lines = await check.PaymentRequestLines.Where(l => l.Kind == RequestLineKind.PaidService).ToListAsync();
        Assert.Equal(85.00m, Assert.Single(lines).Amount);
        var december = await check.PaymentRequests.SingleAsync(r => r.UnitId == unitId && r.Month == December);
        Assert.Contains(lines, l => l.PaymentRequestId == december.Id);
        Assert.Equal(december.Id, (await check.PaidServices.SingleAsync(s => s.ServiceType == "更换水龙头")).PaymentRequestId);
        Assert.Null((await check.PaidServices.SingleAsync(s => s.ServiceType == "疏通下水道")).PaymentRequestId);

        static PaidService Service(Unit unit, string type, decimal price, bool signed) => new()
        {
            EstateId = unit.Building!.EstateId, UnitId = unit.Id, OccupantId = unit.Occupants[0].Id, ServiceType = type, Price = price,
            ServiceDate = new DateOnly(2026, 12, 3), StaffName = "工程部 王师傅", CreatedAt = DateTimeOffset.UtcNow,
            Signature = signed ? "M10 10 L40 30" : null, SignedAt = signed ? DateTimeOffset.UtcNow : null, WitnessedBy = signed ? "王师傅" : null,
        };
    }

    [Fact]
    public async Task NextMonth_ArrearsLineAndCreditApplied()
    {
        await IssueAsync();
        await using var db = await DbAsync();
        var first = await db.PaymentRequests.OrderBy(r => r.UnitId).FirstAsync();
        var second = await db.PaymentRequests.OrderBy(r => r.UnitId).Skip(1).FirstAsync();
        // The first unit pays nothing; the second pays December and 50.00 more.
        var paid = await PaymentServiceTests.PayAsync(factory, second.UnitId, (second.Total + 50m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(50m, paid.Credit);

        await IssueAsync(December.AddMonths(1));

        await using var check = await DbAsync();
        var january = await check.PaymentRequests.Include(r => r.Lines).SingleAsync(r => r.UnitId == first.UnitId && r.Month == December.AddMonths(1));
        Assert.Equal(first.Total, january.Lines.Single(l => l.Kind == RequestLineKind.Arrears).Amount);
        Assert.Equal(january.Lines.Where(l => l.Kind != RequestLineKind.Arrears).Sum(l => l.Amount), january.Total);
        var credited = await check.PaymentRequests.SingleAsync(r => r.UnitId == second.UnitId && r.Month == December.AddMonths(1));
        Assert.Equal(50m, credited.Paid);
        await using var credit = await DbAsync();
        Assert.Equal(0m, await PaymentService.CreditOfAsync(credit, second.UnitId, CancellationToken.None));
    }

    [Fact]
    public async Task LinkPage_ShowsWhatIsLeftToPayForgedRefused()
    {
        await IssueAsync();
        string link;
        PaymentRequest request;
        await using (var db = await DbAsync())
        {
            var letter = await db.Notices.FirstAsync(n => n.Kind == PaymentRequestNotices.Kind && n.Language == "zh-Hans" && n.Channel == NoticeChannel.Letter);
            link = new Uri(app.Services.OpenLink(letter.SealedLink)!).AbsolutePath;
            request = (await db.PaymentRequests.ToListAsync()).Single(r => PaymentRequestNotices.SourceKey(r.Month, r.UnitId) == letter.SourceKey);
        }
        await PaymentServiceTests.PayAsync(factory, request.UnitId, "100.00");
        var client = app.CreateClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(link));
        var forged = WebUtility.HtmlDecode(await client.GetStringAsync("/p/" + LinkTokens.NewToken()));

        Assert.Contains("付款请求书", page);
        Assert.Contains($">{PaymentRequestNotices.Money(request.Total - 100m)}<", page);
        Assert.Contains("此链接无效", forged);
        Assert.DoesNotContain("request-lines", forged);
    }

    /// <summary>
    /// The database goes away as the run commits its n-th batch: everything that batch wrote (requests, lines, links,
    /// notices, whichever way they were inserted) is lost with its transaction.
    /// </summary>
    private sealed class CrashOnBatch(int failOnBatch) : DbTransactionInterceptor
    {
        private int batches;

        public bool Armed { get; set; } = true;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context is AppDbContext { IsBackground: true } && Interlocked.Increment(ref batches) == failOnBatch)
                throw new IOException("The database went away.");
            return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
        }
    }
}

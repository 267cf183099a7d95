using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Disclosures;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Fund.Disclosures;

/// <summary>
/// The fund's semiannual statement (P1§8.5) as a kind of the disclosure, on one app: an account opened with 100,000.00
/// on 1 January 2026, owners' contributions of 20,000.00 in February, interest of 150.50 in March, a repair of
/// 8,000.00 paid on 12 March, January reconciled. The app was down on 1 July: it starts again on 2 July 2026.
/// </summary>
public sealed class FundDisclosureTests(FundDisclosureTests.App app) : IClassFixture<FundDisclosureTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public ClockedAppFactory Factory { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8)));
        public FundScenario Fund { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Fund = await SeedAsync(Factory);
            Factory.At(2026, 7, 2, 10);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    /// <summary>The ledger of the class summary on a factory whose clock stands in June 2026.</summary>
    public static async Task<FundScenario> SeedAsync(AppFactory factory)
    {
        var fund = await new FundScenario(factory).OpenAsync();
        Assert.True((await fund.ReceiveAsync("20000.00", new DateOnly(2026, 2, 3))).Ok);
        Assert.True((await fund.ReceiveAsync("150.50", new DateOnly(2026, 3, 21), FundReceiptSource.Interest)).Ok);
        await fund.PaidExpenditureAsync("8000.00");
        await using var db = await factory.CreateDbContextAsync();
        db.FundMonths.Add(new FundMonth { FundAccountId = fund.AccountId, Month = new DateOnly(2026, 1, 1), OpenedBy = "财务", OpenedAt = DateTimeOffset.UtcNow,
            ClosedAt = DateTimeOffset.UtcNow, ClosedBy = "财务", ClosingBalance = 100_000m });
        await db.SaveChangesAsync();
        return fund;
    }

    /// <summary>What revision 1 of 2026-H1 must say, in the order of its lines (months' states aside).</summary>
    public static readonly (DisclosureLineKind, string, decimal, string?)[] Expected =
    [
        (DisclosureLineKind.Balance, "fund-opening", 100_000m, null),
        (DisclosureLineKind.Income, "fund-contributions", 20_000m, null),
        (DisclosureLineKind.Income, "fund-interest", 150.50m, null),
        (DisclosureLineKind.Income, "fund-other-receipts", 0m, null),
        (DisclosureLineKind.Expenditure, "usage:DailyRepairs", 8_000m, null),
        (DisclosureLineKind.Balance, "fund-closing", 112_150.50m, null),
        (DisclosureLineKind.MainWork, "usage:DailyRepairs", 8_000m, "2026-03-12 · 福州安居维修工程有限公司 · 3号楼屋面防水"),
    ];

    private Task<int> DraftAsync() =>
        app.Factory.WithAsync(sp => sp.GetRequiredService<FundDisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H1"), CancellationToken.None));

    private async Task<Disclosure> StatementAsync(int revision = 1)
    {
        await DraftAsync();
        await using var db = await app.Factory.CreateDbContextAsync();
        return await db.Disclosures.AsNoTracking().Include(d => d.Lines)
            .SingleAsync(d => d.FundAccountId == app.Fund.AccountId && d.HalfYear == "2026-H1" && d.Revision == revision);
    }

    private Task<DisclosureResult> AsAsync(string role, Func<DisclosureService, Task<DisclosureResult>> work) =>
        app.Fund.As(role, sp => work(sp.GetRequiredService<DisclosureService>()));

    [Fact]
    public async Task CatchUp_HalfYearMissedWhileDown_TheAccountsStatementDraftedOnceFromTheLedger()
    {
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

        await using var db = await app.Factory.CreateDbContextAsync();
        var run = await db.ScheduledRuns.SingleAsync(r => r.Duty == FundDisclosureDuty.DutyName);
        Assert.Equal(("2026-H1", RunStatus.Succeeded), (run.Period, run.Status));
        var statement = await db.Disclosures.Include(d => d.Lines).SingleAsync(d => d.FundAccountId == app.Fund.AccountId && d.Revision == 1);
        Assert.Equal(("2026-H1", DisclosureKind.Fund, Disclosure.FundSubject(app.Fund.AccountId)), (statement.HalfYear, statement.Kind, statement.Subject));
        var lines = statement.Lines.OrderBy(l => l.Order).ToList();
        Assert.Equal(Expected, lines.Where(l => l.Kind != DisclosureLineKind.Month).Select(l => (l.Kind, l.Category, l.Amount, l.Note)));
        var months = lines.Where(l => l.Kind == DisclosureLineKind.Month).ToList();
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], months.Select(m => m.Category));
        Assert.Equal(nameof(FundMonthState.Closed), months[0].Note);
        Assert.DoesNotContain(nameof(FundMonthState.Closed), months.Skip(1).Select(m => m.Note));
    }

    [Fact]
    public async Task AccountOpenedAfterTheDutyRan_FinanceAndManagerDraftItsStatementAtOnce_ExactlyOneDraft()
    {
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));
        // Opened in July with its opening on 1 January: the half-year's duty is already done for every account.
        var late = await new FundScenario(app.Factory).OpenAsync(number: FundScenario.UniqueNumber());
        var offer = await late.As(Roles.Finance, sp => sp.GetRequiredService<FundStatementDrafts>().OfferAsync(late.AccountId));
        Assert.Equal(("2026-H1", true, (int?)null), (offer!.HalfYear.ToString(), offer.Covered, offer.DisclosureId));

        var results = await Task.WhenAll(
            late.As(Roles.Finance, sp => sp.GetRequiredService<FundStatementDrafts>().DraftAsync(late.AccountId)),
            late.As(Roles.Manager, sp => sp.GetRequiredService<FundStatementDrafts>().DraftAsync(late.AccountId)));
        var again = await late.As(Roles.Finance, sp => sp.GetRequiredService<FundStatementDrafts>().DraftAsync(late.AccountId));
        var byClerk = await late.As(Roles.Clerk, sp => sp.GetRequiredService<FundStatementDrafts>().DraftAsync(late.AccountId));

        Assert.Single(results, r => r.Ok);
        Assert.Single(results, r => !r.Ok && r.Errors[""] == "StatementAlreadyDrafted");
        Assert.Equal("StatementAlreadyDrafted", again.Errors[""]);
        Assert.Equal("NotAllowed", byClerk.Errors[""]);
        await using var db = await app.Factory.CreateDbContextAsync();
        var drafted = await db.Disclosures.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.FundAccountId == late.AccountId && d.HalfYear == "2026-H1");
        Assert.Equal((DisclosureStatus.Draft, 1), (drafted.Status, drafted.Revision));
        Assert.Contains(drafted.Lines, l => l.Category == "fund-opening" && l.Amount == 100_000m);
        await DraftAsync();
        Assert.Equal(1, await db.Disclosures.CountAsync(d => d.FundAccountId == late.AccountId && d.HalfYear == "2026-H1"));
    }

    [Fact]
    public async Task AfterTheCatchUp_RunNowTwiceAtOnceAndDraftsAtOnce_OneStatementPerAccount_BesideTheFeeStatement()
    {
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

        var outcomes = await Task.WhenAll(RunAsync(), RunAsync());
        var direct = await Task.WhenAll(DraftAsync(), DraftAsync());
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H1"), CancellationToken.None));

        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.Equal([RunOutcome.AlreadyDone, RunOutcome.AlreadyDone], outcomes);
        Assert.Equal([0, 0], direct);
        Assert.Equal(1, await db.Disclosures.CountAsync(d => d.FundAccountId == app.Fund.AccountId && d.HalfYear == "2026-H1" && d.Revision == 1));
        // The same estate's fee statement of the half-year is another subject under the same unique key.
        var estateId = (await StatementAsync()).EstateId;
        Assert.Equal(1, await db.Disclosures.CountAsync(d => d.EstateId == estateId && d.FundAccountId == null && d.HalfYear == "2026-H1" && d.Revision == 1));

        Task<RunOutcome> RunAsync() => app.Factory.WithAsync(sp =>
        {
            var runner = sp.GetRequiredService<DutyRunner>();
            return runner.RunAsync(runner.Find(FundDisclosureDuty.DutyName), "2026-H1", CancellationToken.None);
        });
    }

    [Fact]
    public async Task Flow_NotesApprovePublish_BoardAndEveryOccupant_ThenFrozen_CorrectionDrawnAgainFromTheLedger()
    {
        var d = await StatementAsync();
        var service = (Func<DisclosureService, Task<DisclosureResult>> work) => AsAsync(Roles.Finance, work);

        var line = await service(s => s.AddExpenditureAsync(d.Id, d.Version, new ExpenditureInput { Category = "other", Amount = "1.00" }));
        var notes = await service(s => s.SetNotesAsync(d.Id, d.Version, "屋面防水工程已验收。"));
        var approved = await AsAsync(Roles.Manager, s => s.ApproveAsync(d.Id, notes.Version!.Value));
        var published = await AsAsync(Roles.Manager, s => s.PublishAsync(d.Id, approved.Version!.Value));
        var again = await AsAsync(Roles.Manager, s => s.PublishAsync(d.Id, published.Version!.Value));
        var frozen = await service(s => s.SetNotesAsync(d.Id, published.Version!.Value, "改"));

        Assert.Equal("FromLedger", line.Error);
        Assert.True(notes.Ok && approved.Ok && published.Ok, $"{notes.Error} {approved.Error} {published.Error}");
        Assert.Equal("AlreadyPublished", again.Error);
        Assert.Equal("Frozen", frozen.Error);
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var key = DisclosureService.SourceKey((await StatementAsync())!);
            var notices = await db.Notices.Where(n => n.SourceKey == key).ToListAsync();
            var occupants = await db.Occupants.CountAsync(o => o.Unit!.Building!.EstateId == d.EstateId);
            var board = Assert.Single(notices, n => n.Channel == NoticeChannel.Board);
            Assert.Contains("112,150.50", board.Body);
            Assert.Contains("3号楼屋面防水", board.Body);
            Assert.Contains("屋面防水工程已验收。", board.Body);
            // The board reads like the staff's statement: balances and totals at the left, the lines under a heading indented,
            // and the half-year in words, as everywhere occupants read it.
            var rows = board.Body.Split('\n');
            Assert.Contains("期末余额    112,150.50", rows);
            Assert.Contains(rows, r => r.StartsWith("期初余额    ", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.StartsWith("收入合计    ", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.StartsWith("支出合计    ", StringComparison.Ordinal));
            Assert.True(Array.IndexOf(rows, "期末余额    112,150.50") > Array.FindIndex(rows, r => r.StartsWith("支出合计", StringComparison.Ordinal)));
            Assert.Contains("2026年上半年", board.Subject + board.Body);
            Assert.All(notices, n => Assert.DoesNotContain("2026-H1", n.Subject + n.Body, StringComparison.Ordinal));
            Assert.All(notices.Where(n => n.OccupantId != null), n => Assert.Matches("2026年上半年|first half of 2026", n.Body));
            Assert.Equal(occupants, notices.Where(n => n.OccupantId != null).Select(n => n.OccupantId).Distinct().Count());
            Assert.NotEqual(DisclosureService.SourceKey(d.EstateId, "2026-H1", 1), key);
        }

        // Interest credited late in June: the published statement stays as it was, the correction has it.
        Assert.True((await app.Fund.ReceiveAsync("10.00", new DateOnly(2026, 6, 30), FundReceiptSource.Interest)).Ok);
        var corrected = await AsAsync(Roles.Finance, s => s.CorrectAsync(d.Id));
        var revision1 = await StatementAsync();
        var revision2 = await StatementAsync(2);
        Assert.True(corrected.Ok, corrected.Error);
        Assert.Equal(112_150.50m, revision1.Lines.Single(l => l.Category == DisclosureCategories.FundClosing).Amount);
        Assert.Equal((DisclosureStatus.Draft, "屋面防水工程已验收。"), (revision2.Status, revision2.Notes));
        Assert.Equal((160.50m, 112_160.50m), (revision2.Lines.Single(l => l.Category == DisclosureCategories.FundInterest).Amount,
            revision2.Lines.Single(l => l.Category == DisclosureCategories.FundClosing).Amount));
        var view = (await app.Fund.As(Roles.Finance, sp => sp.GetRequiredService<DisclosureService>().GetAsync(revision1.Id)))!;
        Assert.Equal((DisclosureKind.Fund, 112_150.50m, 100_000m, 2, false), (view.Kind, view.Balance, view.Opening, view.LatestRevision, view.IsLatest));
        Assert.EndsWith("5678", view.Account);
    }

    /// <summary>
    /// Another account's statement, drafted on 2 July: June is closed and May's interest booked before the Manager
    /// approves (the figures drawn again, back to him as a draft), May is closed before publishing (published closed),
    /// and April closed after publishing stays as published.
    /// </summary>
    [Fact]
    public async Task MonthsClosedAfterTheDraft_ApprovedAndPublishedAsTheyAreThen_FrozenOncePublished()
    {
        var other = await new FundScenario(app.Factory).OpenAsync(number: FundScenario.UniqueNumber());
        Assert.True((await other.ReceiveAsync("500.00", new DateOnly(2026, 4, 20))).Ok);
        await DraftAsync();
        var d = await LoadAsync();
        Assert.All(Months(d), m => Assert.Equal(nameof(FundMonthState.NotOpened), m.Value));

        await CloseAsync(6, 100_500m);
        Assert.True((await other.ReceiveAsync("10.00", new DateOnly(2026, 5, 31), FundReceiptSource.Interest)).Ok);
        var figuresChanged = await AsAsync(Roles.Manager, s => s.ApproveAsync(d.Id, d.Version));
        var redrawn = await LoadAsync();
        var approved = await AsAsync(Roles.Manager, s => s.ApproveAsync(redrawn.Id, redrawn.Version));
        var atApproval = await LoadAsync();
        await CloseAsync(5, 100_510m);
        var published = await AsAsync(Roles.Manager, s => s.PublishAsync(d.Id, approved.Version!.Value));
        var atPublishing = await LoadAsync();
        await CloseAsync(4, 100_500m);
        var afterwards = await LoadAsync();

        Assert.Equal("FiguresChanged", figuresChanged.Error);
        Assert.Equal((DisclosureStatus.Draft, 100_510m), (redrawn.Status, redrawn.Lines.Single(l => l.Category == DisclosureCategories.FundClosing).Amount));
        Assert.Equal(nameof(FundMonthState.Closed), Months(redrawn)["2026-06"]);
        Assert.True(approved.Ok && published.Ok, $"{approved.Error} {published.Error}");
        Assert.Equal((DisclosureStatus.Approved, nameof(FundMonthState.NotOpened)), (atApproval.Status, Months(atApproval)["2026-05"]));
        Assert.Equal(DisclosureStatus.Published, atPublishing.Status);
        Assert.Equal((nameof(FundMonthState.Closed), nameof(FundMonthState.Closed), nameof(FundMonthState.NotOpened)),
            (Months(atPublishing)["2026-05"], Months(atPublishing)["2026-06"], Months(atPublishing)["2026-04"]));
        Assert.Equal(Months(atPublishing), Months(afterwards));
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var board = await db.Notices.SingleAsync(n => n.SourceKey == DisclosureService.SourceKey(atPublishing) && n.Channel == NoticeChannel.Board);
            Assert.Contains("100,510.00", board.Body);
        }

        async Task<Disclosure> LoadAsync()
        {
            await using var db = await app.Factory.CreateDbContextAsync();
            return await db.Disclosures.AsNoTracking().Include(x => x.Lines)
                .SingleAsync(x => x.FundAccountId == other.AccountId && x.HalfYear == "2026-H1" && x.Revision == 1);
        }

        async Task CloseAsync(int month, decimal balance)
        {
            await using var db = await app.Factory.CreateDbContextAsync();
            db.FundMonths.Add(new FundMonth { FundAccountId = other.AccountId, Month = new DateOnly(2026, month, 1), OpenedBy = "财务",
                OpenedAt = DateTimeOffset.UtcNow, ClosedAt = DateTimeOffset.UtcNow, ClosedBy = "财务", ClosingBalance = balance });
            await db.SaveChangesAsync();
        }

        static Dictionary<string, string?> Months(Disclosure x) =>
            x.Lines.Where(l => l.Kind == DisclosureLineKind.Month).ToDictionary(l => l.Category, l => l.Note);
    }

    [Fact]
    public async Task Pages_Finance_ListNamesTheAccount_DraftShowsTheFundsFiguresAndNoExpenditureEditor()
    {
        await StatementAsync();
        int latest;
        await using (var db = await app.Factory.CreateDbContextAsync())
            latest = await db.Disclosures.Where(x => x.FundAccountId == app.Fund.AccountId).MaxAsync(x => x.Revision);
        // The latest revision is a draft: the first, or the correction the flow's test made.
        var d = await StatementAsync(latest);
        Assert.Equal(DisclosureStatus.Draft, d.Status);
        var client = await app.Factory.ClientForRoleAsync(Roles.Finance);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var list = await GetAsync("/fees/disclosures");
        var page = await GetAsync($"/fees/disclosures/{d.Id}");

        Assert.Contains($"data-testid=\"disclosure-{d.Id}\"", list);
        Assert.Contains("Maintenance fund 中国建设银行福州分行 **** 5678", WebUtility.HtmlDecode(list));
        Assert.Contains("data-testid=\"fund-opening\">100,000.00", page);
        Assert.Contains("data-testid=\"fund-statement-work\"", page);
        Assert.Contains("data-testid=\"fund-statement-month-2026-01\"", page);
        // The label and the first month are apart in the text itself, not only on screen.
        Assert.Contains("Monthly reconciliation:</b> <span", page);
        Assert.Contains("data-testid=\"disclosure-from-ledger\"", page);
        Assert.DoesNotContain("data-testid=\"expenditure-editor\"", page);

        async Task<string> GetAsync(string path)
        {
            var response = await client.GetAsync(path);
            for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
                response = await client.GetAsync(response.Headers.Location!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }
}

/// <summary>The fund statement on PostgreSQL: three drafts at once leave one, published once to the board and every occupant, corrected once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FundDisclosurePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task DraftThriceAtOnce_ApprovePublishTwice_CorrectTwice_OnPostgres()
    {
        await using var factory = new ClockedAppFactory(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8)))
        {
            Provider = PropertyHub.Data.DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("funddisclosure_" + Guid.NewGuid().ToString("N")[..8]),
            Settings = { ["Disclosures:BatchSize"] = "25" },
        };
        var fund = await FundDisclosureTests.SeedAsync(factory);
        factory.At(2026, 7, 2, 10);

        var drafted = await Task.WhenAll(Draft(), Draft(), Draft());
        await using var db = await factory.CreateDbContextAsync();
        var d = await db.Disclosures.AsNoTracking().Include(x => x.Lines).SingleAsync(x => x.FundAccountId == fund.AccountId);
        Assert.Equal(1, drafted.Sum());
        Assert.Equal(FundDisclosureTests.Expected, d.Lines.Where(l => l.Kind != DisclosureLineKind.Month).OrderBy(l => l.Order)
            .Select(l => (l.Kind, l.Category, l.Amount, l.Note)));

        var approved = await fund.As(Roles.Manager, sp => sp.GetRequiredService<DisclosureService>().ApproveAsync(d.Id, d.Version));
        var published = new List<DisclosureResult>();
        for (var i = 0; i < 2; i++)
            published.Add(await fund.As(Roles.Manager, sp => sp.GetRequiredService<DisclosureService>().PublishAsync(d.Id, approved.Version!.Value)));
        var corrections = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            fund.As(Roles.Finance, sp => sp.GetRequiredService<DisclosureService>().CorrectAsync(d.Id))));

        Assert.Equal([null, "AlreadyPublished"], published.Select(r => r.Error));
        var key = DisclosureService.SourceKey(d);
        var occupants = await db.Occupants.CountAsync(o => o.Unit!.Building!.EstateId == d.EstateId);
        Assert.Equal(occupants, await db.Notices.Where(n => n.SourceKey == key && n.OccupantId != null).Select(n => n.OccupantId).Distinct().CountAsync());
        Assert.Equal(1, await db.Notices.CountAsync(n => n.SourceKey == key && n.Channel == NoticeChannel.Board));
        Assert.Single(corrections, r => r.Ok);
        Assert.Equal([1, 2], await db.Disclosures.Where(x => x.FundAccountId == fund.AccountId).OrderBy(x => x.Revision).Select(x => x.Revision).ToListAsync());

        Task<int> Draft() => factory.WithAsync(sp => sp.GetRequiredService<FundDisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H1"), CancellationToken.None));
    }
}

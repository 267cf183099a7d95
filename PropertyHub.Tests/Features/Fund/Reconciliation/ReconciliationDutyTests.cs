using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>
/// The reconciliation duty: on the 5th last month is opened for every account, once, whether two run it at once or the
/// app comes back after a week down, and Finance told once by e-mail; a month not closed by the 10th is flagged to the Manager, not on the 10th itself.
/// </summary>
public sealed class ReconciliationDutyTests : IClassFixture<ReconciliationDutyTests.App>
{
    private readonly App app;

    public ReconciliationDutyTests(App app) => this.app = app;

    /// <summary>One app whose clock starts on 12 April 2026, a week after the 5th, with a fund account open since January.</summary>
    public sealed class App : IAsyncLifetime
    {
        public ClockedAppFactory Factory { get; } = new(new DateTimeOffset(2026, 4, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        public FundScenario Fund { get; private set; } = null!;

        public async Task InitializeAsync() => Fund = await new FundScenario(Factory).OpenAsync();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private Task<RunOutcome> RunAsync(string period) => app.Factory.WithAsync(sp =>
    {
        var runner = sp.GetRequiredService<DutyRunner>();
        return runner.RunAsync(runner.Find(ReconciliationDuty.DutyName), period, CancellationToken.None);
    });

    private async Task<int> MonthsAsync(DateOnly month)
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        return await db.FundMonths.CountAsync(m => m.FundAccountId == app.Fund.AccountId && m.Month == month);
    }

    /// <summary>The e-mails telling Finance the account's month is open, by recipient.</summary>
    private async Task<List<Notice>> ToldAsync(DateOnly month)
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        var source = ReconciliationNotices.SourceKey(app.Fund.AccountId, month);
        return await db.Notices.AsNoTracking().Where(n => n.Kind == ReconciliationNotices.NoticeKind && n.SourceKey == source).ToListAsync();
    }

    private async Task<string> FinanceKeyAsync()
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == SignIn.DemoEmail(Roles.Finance)).Select(u => u.Id).SingleAsync();
        return ReconciliationNotices.StaffKey(id);
    }

    [Fact]
    public void Schedule_TheFifthOpensTheMonthBefore()
    {
        var duty = app.Factory.Services.GetServices<IScheduledDuty>().Single(d => d.Name == ReconciliationDuty.DutyName);
        var latest = app.Factory.Services.GetRequiredService<DutyClock>().LatestOccurrence(duty, app.Factory.Clock.GetUtcNow());

        Assert.Equal(new DateTime(2026, 4, 5, 7, 0, 0), latest);
        Assert.Equal("2026-03", duty.PeriodOf(latest!.Value));
        Assert.Equal("2025-12", duty.PeriodOf(new DateTime(2026, 1, 5, 7, 0, 0)));
    }

    [Fact]
    public async Task CatchUp_AfterAWeekDown_MarchOpenedOnce()
    {
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));
        await app.Factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

        await using var db = await app.Factory.CreateDbContextAsync();
        var run = await db.ScheduledRuns.SingleAsync(r => r.Duty == ReconciliationDuty.DutyName && r.Period == "2026-03");
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Attempts));
        Assert.Equal(1, await MonthsAsync(new DateOnly(2026, 3, 1)));
        var finance = await FinanceKeyAsync();
        var told = Assert.Single(await ToldAsync(new DateOnly(2026, 3, 1)), n => n.RecipientKey == finance);
        Assert.Equal((NoticeChannel.Email, SignIn.DemoEmail(Roles.Finance), NoticeStatus.Pending), (told.Channel, told.Address, told.Status));
    }

    [Fact]
    public async Task RunNow_TwiceAtOnceAndAgain_FebruaryOpenedOnce()
    {
        var outcomes = await Task.WhenAll(RunAsync("2026-02"), RunAsync("2026-02"));
        var again = await RunAsync("2026-02");
        var direct = await app.Factory.WithAsync(sp => sp.GetRequiredService<ReconciliationDuties>().OpenMonthAsync(new DateOnly(2026, 2, 1)));

        Assert.Contains(RunOutcome.Ran, outcomes);
        Assert.Equal(RunOutcome.AlreadyDone, again);
        Assert.Equal(0, direct);
        Assert.Equal(1, await MonthsAsync(new DateOnly(2026, 2, 1)));
        var finance = await FinanceKeyAsync();
        Assert.Single(await ToldAsync(new DateOnly(2026, 2, 1)), n => n.RecipientKey == finance);
    }

    [Fact]
    public async Task FinanceTold_EachActiveFinanceUserOnceInTheirLanguage_AlsoWhenAnImportOpenedTheMonthFirst()
    {
        var january = new DateOnly(2026, 1, 1);
        var (traditional, english, disabled) = await app.Factory.WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            async Task<string> AddAsync(string email, string? language, bool isDisabled = false)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "陈静", Surname = "陈", Language = language, IsDisabled = isDisabled };
                Assert.True((await users.CreateAsync(user, "Finance-User-1")).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Finance)).Succeeded);
                return ReconciliationNotices.StaffKey(user.Id);
            }
            return (await AddAsync("finance-hant@demo.local", "zh-Hant"), await AddAsync("finance-en@demo.local", "en"),
                await AddAsync("finance-left@demo.local", "zh-Hans", isDisabled: true));
        });
        // Finance imported January's statement before the duty came: the month is open already.
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            db.FundMonths.Add(new FundMonth { FundAccountId = app.Fund.AccountId, Month = january, OpenedAt = app.Factory.Clock.GetUtcNow(), OpenedBy = "财务" });
            await db.SaveChangesAsync();
        }

        var outcomes = await Task.WhenAll(RunAsync("2026-01"), RunAsync("2026-01"));
        var again = await app.Factory.WithAsync(sp => sp.GetRequiredService<ReconciliationDuties>().OpenMonthAsync(january));

        Assert.Contains(RunOutcome.Ran, outcomes);
        Assert.Equal(0, again);
        Assert.Equal(1, await MonthsAsync(january));
        var told = (await ToldAsync(january)).ToDictionary(n => n.RecipientKey);
        Assert.Equal(3, told.Count);
        Assert.DoesNotContain(disabled, told.Keys);
        var finance = told[await FinanceKeyAsync()];
        Assert.Equal(("zh-Hans", NoticeChannel.Email), (finance.Language, finance.Channel));
        Assert.Equal(("zh-Hant", "finance-hant@demo.local"), (told[traditional].Language, told[traditional].Address));
        Assert.Contains("對帳", told[traditional].Subject, StringComparison.Ordinal);
        Assert.Equal("en", told[english].Language);
        Assert.Contains("2026-01", told[english].Subject, StringComparison.Ordinal);
        Assert.Contains($"/fund/{app.Fund.AccountId}/reconciliation?month=2026-01", told[english].Body, StringComparison.Ordinal);
        Assert.Contains("2026-02-10", told[english].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_MarchFlaggedOnTheTwelfth_AprilNot_NothingBeforeTheOpening()
    {
        await RunAsync("2025-12");
        await app.Factory.WithAsync(sp => sp.GetRequiredService<ReconciliationDuties>().OpenMonthAsync(new DateOnly(2026, 3, 1)));
        await app.Factory.WithAsync(sp => sp.GetRequiredService<ReconciliationDuties>().OpenMonthAsync(new DateOnly(2026, 4, 1)));

        var pending = await app.Fund.As(Roles.Manager, sp => sp.GetRequiredService<ReconciliationDuties>().PendingAsync());

        Assert.Equal(0, await MonthsAsync(new DateOnly(2025, 12, 1)));
        var mine = pending.Where(p => p.AccountId == app.Fund.AccountId).ToDictionary(p => p.Month, p => p.Overdue);
        Assert.True(mine[new DateOnly(2026, 3, 1)]);
        Assert.False(mine[new DateOnly(2026, 4, 1)]);
        var onDuties = await app.Factory.WithAsync(sp => Task.FromResult(ReconciliationDuties.OverdueNow(sp)));
        Assert.Contains(" 2026-03", onDuties, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-04", onDuties, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-10", false)]
    [InlineData("2026-02-11", true)]
    public void DueBy_TheTenthOfTheNextMonthIsStillInTime(string today, bool overdue)
    {
        var due = ReconciliationDuties.DueBy(new DateOnly(2026, 1, 1), 10);

        Assert.Equal(overdue, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture) > due);
    }
}

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>The duties page rendered with bUnit over the app's real services, database and stopped clock.</summary>
public sealed class DutiesPageTests : DutiesAppTest, IDisposable
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previousFormatCulture = CultureInfo.CurrentCulture;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = previousCulture;
        CultureInfo.CurrentCulture = previousFormatCulture;
    }

    private BunitContext NewContext(IServiceScope scope, string culture = "en")
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<DutiesOverview>());
        return ctx;
    }

    private static string Card(string duty, string testId) => $"[data-testid=duty-{duty}] [data-testid={testId}]";

    [Fact]
    public async Task Page_English_ShowsScheduleInWordsAndNextRunInEstateTime()
    {
        using var scope = App.Services.CreateScope();
        await using var ctx = NewContext(scope);

        var page = ctx.Render<DutiesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=duty-sqlite-backup]"));
        Assert.Equal("Nightly backup of the embedded database (keeps 14)", page.Find(Card("sqlite-backup", "duty-description")).TextContent);
        Assert.Contains("daily at 02:30 (Asia/Shanghai)", page.Find(Card("sqlite-backup", "duty-schedule")).TextContent);
        Assert.Contains("30 2 * * *", page.Find(Card("sqlite-backup", "duty-schedule")).TextContent);
        Assert.Contains("2026-10-16 02:30", page.Find(Card("sqlite-backup", "duty-next")).TextContent);
        Assert.Contains("monthly on day 1 at 09:00 (Asia/Shanghai)", page.Find(Card("counting", "duty-schedule")).TextContent);
        Assert.Contains("2026-11-01 09:00", page.Find(Card("counting", "duty-next")).TextContent);
        Assert.Contains("every minute (Asia/Shanghai)", page.Find("[data-testid=job-reception-escalation] [data-testid=job-schedule]").TextContent);
        Assert.Equal("2026-10-15 09:31", page.Find("[data-testid=job-reception-escalation] [data-testid=job-next]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=job-reception-escalation] button"));
    }

    [Fact]
    public async Task Page_SimplifiedChinese_ShowsTheDutyInChinese()
    {
        using var scope = App.Services.CreateScope();
        await using var ctx = NewContext(scope, "zh-Hans");

        var page = ctx.Render<DutiesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=duty-sqlite-backup]"));
        Assert.Equal("每晚备份内置数据库（保留 14 份）", page.Find(Card("sqlite-backup", "duty-description")).TextContent);
        Assert.Contains("每天 02:30（Asia/Shanghai）", page.Find(Card("sqlite-backup", "duty-schedule")).TextContent);
    }

    [Fact]
    public async Task RunNow_ClickedTwice_RunsOnceThenReportsAlreadyDone()
    {
        using var scope = App.Services.CreateScope();
        await using var ctx = NewContext(scope);
        var page = ctx.Render<DutiesPage>();
        page.WaitForAssertion(() => page.Find(Card("counting", "duty-no-runs")));

        await page.Find(Card("counting", "duty-run-now")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Ran for period 2026-10.", page.Find(Card("counting", "duty-outcome")).TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find(Card("counting", "run-status")).TextContent));
        Assert.Equal("1", page.Find(Card("counting", "run-count")).TextContent);
        Assert.Equal("2026-10-15 09:30", page.Find(Card("counting", "run-started")).TextContent);

        await page.Find(Card("counting", "duty-run-now")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Already done for period 2026-10: nothing was run again.",
            page.Find(Card("counting", "duty-outcome")).TextContent.Trim()));

        Assert.Single(page.FindAll(Card("counting", "duty-run")));
        Assert.Equal(["2026-10"], Duty.Runs);
        Assert.Single(await RunsAsync());
    }

    [Fact]
    public async Task RunNow_OlderPeriodPicked_RunsThatPeriodOnceThenReportsAlreadyDone()
    {
        using var scope = App.Services.CreateScope();
        await using var ctx = NewContext(scope);
        var page = ctx.Render<DutiesPage>();
        page.WaitForAssertion(() => page.Find(Card("counting", "duty-no-runs")));
        var picker = page.FindComponents<DutyCard>().Single(c => c.Instance.Duty.Name == "counting").FindComponent<MudBlazor.MudSelect<string>>();

        await page.InvokeAsync(() => picker.Instance.SelectOption("2026-08"));
        await page.Find(Card("counting", "duty-run-now")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Ran for period 2026-08.", page.Find(Card("counting", "duty-outcome")).TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("2026-08", page.Find(Card("counting", "run-period")).TextContent));

        await page.Find(Card("counting", "duty-run-now")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Already done for period 2026-08: nothing was run again.",
            page.Find(Card("counting", "duty-outcome")).TextContent.Trim()));
        Assert.Equal(["2026-08"], Duty.Runs);
        Assert.Empty(page.FindAll(Card("counting", "duty-run-extra")));
    }

    [Fact]
    public async Task RunNow_FailingDuty_ShowsTheRecordedErrorAndKeepsThePage()
    {
        Duty.FailuresLeft = 1;
        using var scope = App.Services.CreateScope();
        await using var ctx = NewContext(scope);
        var page = ctx.Render<DutiesPage>();
        page.WaitForAssertion(() => page.Find(Card("counting", "duty-run-now")));

        await page.Find(Card("counting", "duty-run-now")).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Failed for period 2026-10: InvalidOperationException: channel down",
            page.Find(Card("counting", "duty-outcome")).TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("Failed", page.Find(Card("counting", "run-status")).TextContent));
        Assert.Equal("InvalidOperationException: channel down", page.Find(Card("counting", "run-error")).TextContent);
        Assert.Empty(Duty.Runs);

        // The retry after the failure succeeds on the same run, as a second attempt.
        await page.Find(Card("counting", "duty-run-now")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Ran for period 2026-10.", page.Find(Card("counting", "duty-outcome")).TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("2", page.Find(Card("counting", "run-attempts")).TextContent));
        Assert.Equal(["2026-10"], Duty.Runs);
    }
}

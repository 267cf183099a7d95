using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception.Escalation;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>
/// A supervisor reads on /duties what each job is and does, in words and in their language, with the sweep's runs;
/// the Hangfire dashboard follows the language they chose. In the Hangfire host collection: the app runs its duties.
/// </summary>
[Collection(HangfireHostCollection.Name)]
public sealed class DutiesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new() { DutiesEnabled = true };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task DutiesAndDashboard_SupervisorInChinese_SchedulesInWordsSweepRunsAndHangfireInTheChosenScript()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(EscalationSweep.JobId);

        await page.GotoAsync(factory.BaseUrl + "/duties");
        await page.WaitForInteractiveAsync();

        var disclosure = page.Locator("[data-testid=duty-semiannual-disclosure] [data-testid=duty-schedule]");
        await Assertions.Expect(disclosure).ToContainTextAsync("每年 1月1日和7月1日 09:00");
        await Assertions.Expect(disclosure).Not.ToContainTextAsync("自定义");
        var sweep = page.Locator($"[data-testid=job-{EscalationSweep.JobId}]");
        await Assertions.Expect(sweep.Locator("[data-testid=job-schedule]")).ToContainTextAsync("每分钟");
        await Assertions.Expect(sweep).ToContainTextAsync("上报主管");
        // The run triggered above shows once Hangfire has done it (the page reads it when opened).
        for (var i = 0; i < 60 && await sweep.Locator("[data-testid=job-last-status]").CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
        }
        await Assertions.Expect(sweep.Locator("[data-testid=job-last-status]")).ToHaveTextAsync("成功");
        await Assertions.Expect(sweep.Locator("[data-testid=job-runs]")).ToContainTextAsync("次");

        await page.GotoAsync(factory.BaseUrl + "/jobs");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("服务器");
        await page.GotoAsync(factory.BaseUrl + "/culture?culture=zh-Hant&redirectUri=%2Fjobs");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("伺服器");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("服务器");
    }
}

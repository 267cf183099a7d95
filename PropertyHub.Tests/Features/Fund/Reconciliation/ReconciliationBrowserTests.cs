using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using static PropertyHub.Tests.Features.Fund.Reconciliation.ReconciliationTesting;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>
/// Finance in the browser at 1366 px: imports March's statement, sees the owners' transfer matched by itself, matches
/// the bank's 1,200.00 to the two receipts it gathers by hand, and closes the month once nothing differs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconciliationBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Number = "3501000012345678";
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Statement_ImportedMatchedByHandAndTheMonthClosed()
    {
        var fund = await new FundScenario(factory).OpenAsync(number: Number);
        Assert.True((await fund.ReceiveAsync("12000.00", new DateOnly(2026, 3, 2))).Ok);
        Assert.True((await fund.ReceiveAsync("500.00", new DateOnly(2026, 3, 5))).Ok);
        Assert.True((await fund.ReceiveAsync("700.00", new DateOnly(2026, 3, 6))).Ok);
        var statement = Statement(Number, ("2026-03-02", 12_000m, 112_000m, "LS001", "某某物业"), ("2026-03-06", 1_200m, 113_200m, "HZ-0306", "业主缴存"));
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Finance), DemoUsers.Password);

        await page.GotoAsync($"{factory.BaseUrl}/fund/{fund.AccountId}/reconciliation?month=2026-03");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-rec-no-statement]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=fund-statement-input]").SetInputFilesAsync(new FilePayload
        {
            Name = "建行流水202603.csv", MimeType = "text/csv", Buffer = statement,
        });
        await Assertions.Expect(page.Locator("[data-testid=fund-statement-message]")).ToContainTextAsync("已导入 2 条");
        await Assertions.Expect(page.Locator("[data-testid=fund-rec-difference]")).ToHaveTextAsync("¥0.00");
        await Assertions.Expect(page.Locator("[data-testid=fund-bank-matched] [data-testid=fund-bank-amount]")).ToHaveTextAsync("¥12,000.00");

        await page.Locator("[data-testid=fund-bank-unmatched] tbody tr", new() { HasText = "HZ-0306" }).ClickAsync();
        var ledger = page.Locator("[data-testid=fund-ledger-unmatched] tbody tr");
        await Assertions.Expect(ledger).ToHaveCountAsync(2);
        await ledger.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await ledger.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-match-sum]")).ToContainTextAsync("¥1,200.00 · ");
        await page.Locator("[data-testid=fund-match]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-bank-matched] [data-testid=fund-bank-amount]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=fund-ledger-unmatched] tbody tr", new() { HasText = "¥500.00" })).ToHaveCountAsync(0);

        await page.Locator("[data-testid=fund-rec-close]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-rec-status]")).ToHaveTextAsync(new Regex("于 .* 结账"));
        await Assertions.Expect(page.Locator("[data-testid=fund-rec-close]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "fund-reconciliation-closed.png"), FullPage = true });
        // On a phone the lists turn into cards and nothing runs off the screen.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator("[data-testid=fund-rec-statement-opening]")).ToBeVisibleAsync();
        // The tables turn into cards once MudBlazor hears of the resize (a moment on a loaded machine); then what runs off
        // the screen, named when something does.
        try { await page.WaitForFunctionAsync("document.documentElement.scrollWidth <= 390", null, new() { Timeout = 10_000 }); }
        catch (Microsoft.Playwright.PlaywrightException) { }
        Assert.Equal("", await page.EvaluateAsync<string>("""
            document.documentElement.scrollWidth <= 390 ? "" : [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > 391).slice(-3)
                .map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right) + ": " + e.textContent.slice(0, 60)).join(" | ")
            """));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "fund-reconciliation-phone.png"), FullPage = true });

        Assert.Equal("MonthClosed", (await fund.ReceiveAsync("1.00", new DateOnly(2026, 3, 31))).Errors["Date"]);
    }
}

using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>Finance in the browser: draws up the bank expense list, marks it submitted, prints it, marks the line paid.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FundBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task BankList_DrawnUpSubmittedPrintedAndPaid()
    {
        var fund = await new FundScenario(factory).OpenAsync();
        var id = (await fund.RequestAsync("1200.00")).Id!.Value;
        Assert.True((await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Ok);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        // The real dialog would block a headless browser: count the calls instead.
        await context.AddInitScriptAsync("window.__prints = 0; window.print = () => { window.__prints++; };");
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Finance), DemoUsers.Password);

        await page.GotoAsync($"{factory.BaseUrl}/fund/{fund.AccountId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-masked-number]")).ToHaveTextAsync("**** 5678");
        await page.GetByRole(AriaRole.Tab, new() { Name = "银行支出清单" }).ClickAsync();
        await page.Locator("[data-testid=fund-list-create]").ClickAsync();
        await page.Locator("[data-testid=fund-list-link]").ClickAsync();
        await page.WaitForURLAsync("**/fund/lists/*");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-list-total]")).ToHaveTextAsync("1,200.00");
        await page.Locator("[data-testid=fund-list-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-list-submitted]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=fund-paid-reference] input, input[data-testid=fund-paid-reference]").First.FillAsync("BK20260312001");
        await page.Locator("[data-testid=fund-paid-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=fund-list-paid]")).ToHaveTextAsync("BK20260312001");

        var listUrl = page.Url;
        await page.GotoAsync(listUrl + "/print");
        await Assertions.Expect(page.Locator("[data-testid=fund-list-number]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^ZJ\d{4}-001$"));
        await page.Locator("[data-testid=fund-list-print-button]").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__prints > 0");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__prints"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator("[data-testid=fund-list-print-button]")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "print-fund-bank-list.png"), FullPage = true });

        Assert.Equal(FundEntryStatus.Paid, (await fund.EntryAsync(id)).Status);
    }
}

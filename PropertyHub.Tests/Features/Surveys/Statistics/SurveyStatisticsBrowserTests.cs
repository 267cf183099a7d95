using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Statistics;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The manager opens the statistics of the demo estate's answers in a real browser and moves between quarters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyStatisticsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync()
    {
        factory.Settings["Seed:DemoContacts"] = "true";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static double Percent(string text) => double.Parse(text.Trim().TrimEnd('%'), CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task Statistics_DemoEstate_ShowsTheLastQuartersAndFollowsTheChosenQuarter()
    {
        var baseUrl = factory.BaseUrl;
        SurveyQuarter current = default;
        await factory.WithScopeAsync(async sp =>
        {
            var statistics = sp.GetRequiredService<SurveyStatistics>();
            current = statistics.CurrentQuarter((await statistics.EstatesAsync())[0].Id);
        });
        var last = current.Previous;
        var options = new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } };
        await using var context = await browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Manager), DemoUsers.Password);

        await page.GotoAsync($"{baseUrl}/surveys/statistics?quarter={last}");
        await page.WaitForInteractiveAsync();

        Assert.InRange(Percent(await page.Locator("[data-testid=response-rate]").InnerTextAsync()), 55, 85);
        Assert.InRange(Percent(await page.Locator("[data-testid=share-satisfied]").InnerTextAsync()), 60, 100);
        await Assertions.Expect(page.Locator("[data-testid=stats-trend] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=stats-dissatisfied]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "survey-statistics.png"), FullPage = true });

        // The current quarter has no forms in the demo: choosing it shows zeros.
        await page.Locator("[data-testid=stats-quarter]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = current.ToString() }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=issued]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-testid=response-rate]")).ToHaveTextAsync("0.0%");
        Assert.Contains($"quarter={current}", page.Url, StringComparison.Ordinal);
    }
}

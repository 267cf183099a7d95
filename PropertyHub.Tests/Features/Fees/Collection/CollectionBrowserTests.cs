using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>The assignment page in a browser with more tasks than fit on one page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectionBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Finance_ManyTasks_OnePageOfRowsRendersAndThePagerMovesOn()
    {
        var baseUrl = factory.BaseUrl;
        var unpaid = await factory.SeedManyAsync(40);
        var tasks = await factory.CreateTasksAsync();
        Assert.Equal(unpaid.Count, tasks);
        Assert.True(tasks > 50, $"Only {tasks} tasks: the test needs more than two pages.");

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Finance), DemoUsers.Password);
        await page.GotoAsync(baseUrl + "/fees/collection");
        await page.WaitForInteractiveAsync();

        var rows = page.Locator("[data-testid=collection-task]");
        var units = page.Locator("[data-testid=collection-task-unit]");
        var shown = page.Locator(".mud-table-pagination-caption").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\d+-\d+ of") });
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(shown).ToContainTextAsync($"1-25 of {tasks}");
        var first = await TaskIdsAsync(rows);
        var firstUnit = await units.First.InnerTextAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();

        await Assertions.Expect(shown).ToContainTextAsync($"26-50 of {tasks}");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        var second = await TaskIdsAsync(rows);
        Assert.Empty(first.Intersect(second));
        Assert.NotEqual(firstUnit, await units.First.InnerTextAsync());
        // The building totals above the list still count every task, not one page of them.
        var counts = await page.Locator("[data-testid=collection-building-counts]").AllInnerTextsAsync();
        Assert.Equal(tasks, counts.Sum(c => int.Parse(System.Text.RegularExpressions.Regex.Match(c, @"Open (\d+)").Groups[1].Value)));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "collection-page-2.png"), FullPage = true });
    }

    private static async Task<IReadOnlyList<string>> TaskIdsAsync(ILocator rows) =>
        await rows.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.task)");
}

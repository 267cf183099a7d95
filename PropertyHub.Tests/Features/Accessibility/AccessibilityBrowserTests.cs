using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accessibility;

/// <summary>
/// axe-core in the browser on the main pages of every role, at 1366×768: no serious or critical violation.
/// The failure lists each rule, its impact and the first offending elements.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public static TheoryData<string, string[]> MainPages => new()
    {
        { Roles.Clerk, ["/", "/reception/intake", "/occupants", "/fees/counter", "/notices/letters"] },
        { Roles.Supervisor, ["/reception/queue", "/reception/ledger", "/notices", "/surveys/follow-ups"] },
        { Roles.Manager, ["/reception/measures", "/fees/books", "/surveys/statistics", "/fees/disclosures"] },
        { Roles.Engineer, ["/fees/collection/mine", "/fees/paid-services", "/surveys/rectifications"] },
        { Roles.Finance, ["/fees/items", "/fees/collection", "/fees/books"] },
        { Roles.Admin, ["/admin/users", "/duties", "/admin/calendar", "/estates"] },
    };

    [BrowserTheory]
    [MemberData(nameof(MainPages))]
    public async Task MainPages_OfTheRole_NoSeriousOrCriticalViolation(string role, string[] paths)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(role), DemoUsers.Password);
        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(factory.BaseUrl + path);
            await page.WaitForInteractiveAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe();
            found.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target) + " " + n.Html[..Math.Min(n.Html.Length, 400)]))}"));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}

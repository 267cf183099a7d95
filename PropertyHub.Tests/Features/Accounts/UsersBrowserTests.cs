using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>The user list in a browser: read from the server a page at a time, searched and filtered there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Admin_ListsTheUsers_FiltersByRole_ASearchForNobodySaysSo()
    {
        var baseUrl = factory.BaseUrl;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Admin), DemoUsers.Password);
        await page.GotoAsync(baseUrl + "/admin/users");
        await page.WaitForInteractiveAsync();

        var emails = page.Locator("[data-testid=user-email]");
        await Assertions.Expect(emails).ToHaveCountAsync(DemoUsers.All.Count);
        Assert.Equal(DemoUsers.All.Select(u => u.Email).Order(StringComparer.Ordinal), await emails.AllInnerTextsAsync());

        await page.Locator("[data-testid=users-filter-role]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Finance$") }).ClickAsync();
        await Assertions.Expect(emails).ToHaveCountAsync(1);
        await Assertions.Expect(emails).ToHaveTextAsync(SignIn.DemoEmail(Roles.Finance));

        await page.Locator("input[data-testid=users-search], [data-testid=users-search] input").First.FillAsync("nobody@nowhere");
        await Assertions.Expect(page.Locator("[data-testid=users-none]")).ToHaveTextAsync("No users match these filters.");
        await Assertions.Expect(emails).ToHaveCountAsync(0);
    }
}

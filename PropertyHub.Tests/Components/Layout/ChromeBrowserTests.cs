using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Components.Layout;

/// <summary>The app's frame in a real browser: the user menu by mouse, and the reconnect dialog when the server goes away.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChromeBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        return page;
    }

    private Task<IBrowserContext> ContextAsync(string language) => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
    });

    [BrowserFact]
    public async Task UserMenu_ClickedWithTheMouse_OpensAndSignsOut()
    {
        await using var context = await ContextAsync("en");
        var page = await SignedInAsync(context);

        await page.Locator("[data-testid=user-menu] button").First.ClickAsync();
        var signOut = page.Locator("[data-testid=logout]");
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await signOut.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [BrowserFact]
    public async Task Language_ChosenOnOneBrowser_FollowsTheUserToAnother()
    {
        await using (var first = await ContextAsync("zh-Hans"))
        {
            var page = await SignedInAsync(first);
            Assert.Equal("zh-Hans", await page.GetAttributeAsync("html", "lang"));
            await page.Locator("[data-testid=culture-switcher] button").First.ClickAsync();
            await page.Locator("[data-culture=en]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }

        await using var second = await ContextAsync("zh-Hant");
        var again = await SignedInAsync(second);
        await Assertions.Expect(again.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [BrowserFact]
    public async Task ReconnectDialog_ServerGone_StyledAndSaysOneThingInTheUsersLanguage()
    {
        await using var context = await ContextAsync("zh-Hans");
        var page = await SignedInAsync(context);
        var sheets = await page.EvaluateAsync<string[]>("() => [...document.styleSheets].map(s => s.href || '')");
        var stylesheet = sheets.Any(h => h.Contains("PropertyHub.") && h.Contains(".styles") || h.Contains("PropertyHub.styles"));
        Assert.True(stylesheet, "The scoped-CSS bundle is linked: " + string.Join(", ", sheets));
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        await factory.DisposeAsync();

        await Assertions.Expect(dialog).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var visible = await dialog.Locator("p").EvaluateAllAsync<string[]>(
            "ps => ps.filter(p => p.checkVisibility()).map(p => p.textContent.trim())");
        var message = Assert.Single(visible);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        var background = await dialog.EvaluateAsync<string>("d => getComputedStyle(d).backgroundColor");
        Assert.Equal("rgb(255, 255, 255)", background);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "reconnect-zh-Hans.png") });
    }
}

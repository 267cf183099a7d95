using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Registry;

[Collection(BrowserCollection.Name)]
public sealed class ClerkJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Clerk_FindsUnitByPhoneAndSwitchesLanguage_ScreenshotSaved()
    {
        var baseUrl = factory.BaseUrl;
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.Include(o => o.Unit).ThenInclude(u => u!.Building).FirstAsync(o => o.Phone == "13900000007");

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        Assert.Equal("zh-Hans", await page.GetAttributeAsync("html", "lang"));

        await page.Locator("[data-testid=occupant-search]").FillAsync("13900000007");
        var hit = page.Locator("[data-testid=search-hit]").First;
        await hit.WaitForAsync();
        await hit.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/units/{occupant.UnitId}$"));
        await Assertions.Expect(page.GetByText(occupant.Name).First).ToBeVisibleAsync();

        await page.Locator("[data-testid=culture-switcher] button").First.ClickAsync();
        await page.Locator("[data-culture=en]").ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        await page.WaitForInteractiveAsync();
        Assert.EndsWith($"/units/{occupant.UnitId}", page.Url);
        await Assertions.Expect(page.GetByText("Estates").First).ToBeVisibleAsync();

        var file = Path.Combine(TestEnvironment.ArtifactsFolder, "clerk-unit-en.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000);
    }
}

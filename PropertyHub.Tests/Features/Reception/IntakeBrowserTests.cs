using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Reception;

[Collection(BrowserCollection.Name)]
public sealed class IntakeBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Clerk_PressesF2TypesPhoneAndLogsComplaint_FormBlankAndItemDueIn72Hours()
    {
        var baseUrl = factory.BaseUrl;
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().FirstAsync(o => o.Phone == "13900000007");
        var content = "楼道灯坏了三天没人修 " + Guid.NewGuid().ToString("N")[..8];

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));

        await page.Locator("html[data-intake-shortcut=F2]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync("F2");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reception/intake$"));
        var search = page.Locator("input[data-testid=intake-caller-search]");
        await Assertions.Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(occupant.Phone!);
        await page.Locator("[data-testid=intake-caller-hit]").First.ClickAsync();
        var callerName = page.Locator("input[data-testid=intake-caller-name]");
        await Assertions.Expect(callerName).ToHaveValueAsync(occupant.Name);

        await page.Locator("input[data-testid=intake-kind-Complaint]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=intake-complaint-due]")).ToBeVisibleAsync();
        await page.Locator("textarea[data-testid=intake-content]").FillAsync(content);
        await callerName.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=intake-recent-content]").First).ToHaveTextAsync(content);
        await Assertions.Expect(page.Locator("textarea[data-testid=intake-content]")).ToHaveValueAsync("");
        await Assertions.Expect(callerName).ToHaveValueAsync("");
        await Assertions.Expect(search).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").First).ToContainTextAsync("Logged as No.");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "intake-en.png"), FullPage = true });

        await using var check = await factory.CreateDbContextAsync();
        var saved = await check.ServiceRequests.SingleAsync(r => r.Content == content);
        Assert.Equal(RequestKind.Complaint, saved.Kind);
        Assert.Equal(Channel.ServiceLine, saved.Channel);
        Assert.Equal(occupant.UnitId, saved.UnitId);
        Assert.Equal(saved.ReceivedAt.AddHours(72), saved.DueAt);
        Assert.Equal(RequestStatus.Open, saved.Status);

        // On the intake page the shortcut puts the cursor back in the caller search.
        await page.Locator("textarea[data-testid=intake-content]").FocusAsync();
        await page.Keyboard.PressAsync("F2");
        await Assertions.Expect(search).ToBeFocusedAsync();
    }
}

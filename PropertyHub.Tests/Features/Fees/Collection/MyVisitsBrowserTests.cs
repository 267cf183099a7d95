using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Fees.Collection;

[Collection(BrowserCollection.Name)]
public sealed class MyVisitsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Clerk_OnAPhonePaysOnTheSpot_SeesTheReceiptNumberWithoutSidewaysScrolling()
    {
        var baseUrl = factory.BaseUrl;
        var (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        await factory.CreateTasksAsync();
        await factory.AssignUnitAsync(unitId, Roles.Clerk);

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        await page.GotoAsync(baseUrl + "/fees/collection/mine");
        await page.WaitForInteractiveAsync();

        var cards = page.Locator("[data-testid=collection-visit]");
        await Assertions.Expect(cards).ToHaveCountAsync(3);
        var september = cards.Filter(new LocatorFilterOptions { HasText = "2026-09" });
        await Assertions.Expect(september.Locator("[data-testid=collection-visit-call]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^tel:"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 360px.");
        var button = await september.Locator("[data-testid=collection-outcome-PaidOnSpot]").BoundingBoxAsync();
        Assert.True(button!.Height >= 44, $"The outcome button is {button.Height}px high: too small to tap.");

        await september.Locator("[data-testid=collection-outcome-PaidOnSpot]").TapAsync();
        await Assertions.Expect(september.Locator("input[data-testid=collection-amount]")).ToHaveValueAsync("300.00");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The visit form scrolls sideways at 360px.");
        await september.Locator("[data-testid=collection-save]").TapAsync();

        var receipt = page.Locator("[data-testid=collection-receipt-text]");
        await Assertions.Expect(receipt).ToBeVisibleAsync();
        await using var db = await factory.CreateDbContextAsync();
        var payment = await db.Payments.AsNoTracking().SingleAsync();
        await Assertions.Expect(receipt).ToContainTextAsync(payment.ReceiptNumber);
        await Assertions.Expect(page.Locator("[data-testid=collection-receipt-link]")).ToHaveAttributeAsync("href", $"/fees/receipts/{payment.Id}");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "collection-mine-360.png"), FullPage = true });
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Fees.Counter;

[Collection(BrowserCollection.Name)]
public sealed class CounterBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Finance_FindsUnitRecordsPaymentAndPrintsReceipt_ReceiptShowsNumberAndCapitals()
    {
        var baseUrl = factory.BaseUrl;
        var (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        await using var db = await factory.CreateDbContextAsync();
        var address = await db.Units.Where(u => u.Id == unitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync();

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Finance), DemoUsers.Password);
        await page.GotoAsync(baseUrl + "/fees/counter");
        await page.WaitForInteractiveAsync();

        var search = page.Locator("input[data-testid=counter-unit-search]");
        await Assertions.Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(address);
        await Assertions.Expect(page.Locator("[data-testid=counter-unit-hit]").First).ToContainTextAsync(address);
        await search.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=counter-unit]")).ToHaveTextAsync(address);
        await Assertions.Expect(page.Locator("[data-testid=counter-request]")).ToHaveCountAsync(3);

        var amount = page.Locator("input[data-testid=counter-amount]");
        await Assertions.Expect(amount).ToHaveValueAsync("880.50");
        await amount.FillAsync("1000");
        await page.Locator("input[data-testid=counter-method-BankTransfer]").ClickAsync();
        await page.Locator("input[data-testid=counter-reference]").FillAsync("CMB20261127000123");
        await page.Locator("input[data-testid=counter-reference]").PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=counter-recorded]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=counter-credit-warning]")).ToContainTextAsync("119.50");
        await using var check = await factory.CreateDbContextAsync();
        var payment = await check.Payments.SingleAsync(p => p.UnitId == unitId);
        await Assertions.Expect(page.Locator("[data-testid=counter-recorded]")).ToContainTextAsync(payment.ReceiptNumber);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "counter-zh-Hans.png"), FullPage = true });

        var receipt = await context.RunAndWaitForPageAsync(() => page.Locator("[data-testid=counter-print]").ClickAsync());
        await Assertions.Expect(receipt).ToHaveURLAsync(new Regex($"/fees/receipts/{payment.Id}$"));
        await Assertions.Expect(receipt.Locator("[data-testid=receipt-number]")).ToHaveTextAsync(payment.ReceiptNumber);
        await Assertions.Expect(receipt.Locator("[data-testid=receipt-capitals]")).ToHaveTextAsync("壹仟元整");
        await Assertions.Expect(receipt.Locator("[data-testid=receipt-figures]")).ToHaveTextAsync("¥1,000.00");
        await Assertions.Expect(receipt.Locator("[data-testid=receipt-line]")).ToHaveCountAsync(3);
        await Assertions.Expect(receipt.Locator("[data-testid=receipt-credit]")).ToContainTextAsync("119.50");
        await receipt.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "receipt-zh-Hans.png"), FullPage = true });

        // Finance reverses it with a reason; the reversal's own receipt prints in red ink naming the original.
        await receipt.CloseAsync();
        await page.BringToFrontAsync();
        await page.Locator("[data-testid=counter-reverse]").ClickAsync();
        var reason = page.Locator("input[data-testid=counter-reverse-reason]");
        await Assertions.Expect(reason).ToBeFocusedAsync(new LocatorAssertionsToBeFocusedOptions { Timeout = 15_000 });
        await reason.FillAsync("转账未到账");
        await reason.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=counter-payment]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"[data-testid=counter-payment][data-receipt={payment.ReceiptNumber}]")).ToHaveAttributeAsync("data-reversed", "true");
        await Assertions.Expect(page.Locator("[data-testid=counter-payment-reversal]")).ToContainTextAsync("转账未到账");
        await Assertions.Expect(page.Locator("[data-testid=counter-request]")).ToHaveCountAsync(3);

        var red = await context.RunAndWaitForPageAsync(() => page.Locator("[data-testid=counter-payment-receipt]").First.ClickAsync());
        await Assertions.Expect(red.Locator("[data-testid=receipt]")).ToHaveAttributeAsync("data-reversal", "true");
        await Assertions.Expect(red.Locator("[data-testid=receipt-title]")).ToHaveTextAsync("收据（红冲）");
        await Assertions.Expect(red.Locator("[data-testid=receipt-capitals]")).ToHaveTextAsync("负壹仟元整");
        await Assertions.Expect(red.Locator("[data-testid=receipt-reversal]")).ToContainTextAsync(payment.ReceiptNumber);
        await Assertions.Expect(red.Locator("[data-testid=receipt-reason]")).ToHaveTextAsync("转账未到账");
        await red.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "receipt-reversal-zh-Hans.png"), FullPage = true });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Fees;

namespace PropertyHub.Tests.Features.Printing;

/// <summary>
/// Every print button opens the print dialog once per click under the page's CSP, and the print rendering shows the
/// document alone on its paper (screenshots in the artifacts folder).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintingBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new() { Settings = { ["Receipts:Paper"] = "241mm 140mm", ["Receipts:CompanyName"] = "心家泊物业服务有限公司" } };
    private readonly List<string> consoleErrors = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string? role)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        // The real dialog would block a headless browser: count the calls instead.
        await context.AddInitScriptAsync("window.__prints = 0; window.print = () => { window.__prints++; };");
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                consoleErrors.Add(message.Text);
        };
        if (role is not null)
            await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(role), DemoUsers.Password);
        return (context, page);
    }

    private static async Task PrintOnceAsync(IPage page, string button)
    {
        await page.Locator(button).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__prints > 0");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__prints"));
        await page.Locator(button).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__prints > 1");
        Assert.Equal(2, await page.EvaluateAsync<int>("window.__prints"));
    }

    private static async Task ShootPrintAsync(IPage page, string name)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, name), FullPage = true });
    }

    [BrowserFact]
    public async Task Receipt_PrintClicked_PrintsOncePerClickOnTheReceiptPaperWithoutTheButton()
    {
        var (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "300.00");
        var (context, page) = await OpenAsync(Roles.Finance);
        await using var _ = context;

        await page.GotoAsync($"{factory.BaseUrl}/fees/receipts/{paid.PaymentId}");
        await Assertions.Expect(page.Locator("[data-testid=receipt-company]")).ToHaveTextAsync("心家泊物业服务有限公司");
        await Assertions.Expect(page.Locator("[data-testid=receipt-capitals]")).ToHaveTextAsync("叁佰元整");
        await PrintOnceAsync(page, "[data-testid=receipt-print]");

        // The office's receipt paper (a continuous form here) is the receipt's own size.
        var width = await page.Locator("[data-testid=receipt]").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(width, 241 * 96 / 25.4 - 2, 241 * 96 / 25.4 + 2);
        await ShootPrintAsync(page, "print-receipt.png");
        await Assertions.Expect(page.Locator("[data-testid=receipt-print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=receipt]")).ToBeVisibleAsync();
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [BrowserFact]
    public async Task FeeStandard_PrintClickedByAnOccupant_PrintsOnceAndHidesTheButton()
    {
        var (context, page) = await OpenAsync(role: null);
        await using var _ = context;

        await page.GotoAsync($"{factory.BaseUrl}/fees/standard");
        await PrintOnceAsync(page, "[data-testid=fee-standard-print]");
        await ShootPrintAsync(page, "print-fee-standard.png");
        await Assertions.Expect(page.Locator("[data-testid=fee-standard-print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=fee-standard]")).ToBeVisibleAsync();
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [BrowserFact]
    public async Task LetterBatch_PrintClicked_PrintsOnceWithOneLetterPerPage()
    {
        int buildingId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var unit = await db.Units.Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
            buildingId = unit.BuildingId;
            foreach (var name in new[] { "赵六", "钱七" })
            {
                var occupant = new Occupant { UnitId = unit.Id, Name = name, PreferredLanguage = "zh-Hans" };
                db.Occupants.Add(occupant);
                await db.SaveChangesAsync();
                NoticeOutbox.AddForOccupant(db, occupant, new NoticePlace(unit.Building!.EstateId, unit.BuildingId), "survey",
                    $"survey:print:{occupant.Id}", _ => new NoticeText("业户评议表", "尊敬的业户：请填写本季度评议表。"), DateTimeOffset.UtcNow);
                await db.SaveChangesAsync();
            }
        }
        var (context, page) = await OpenAsync(Roles.Clerk);
        await using var _ = context;

        await page.GotoAsync($"{factory.BaseUrl}/notices/letters/print/{buildingId}");
        var letters = page.Locator("[data-testid=letter]");
        Assert.True(await letters.CountAsync() >= 2);
        await PrintOnceAsync(page, "[data-testid=letters-print]");
        await ShootPrintAsync(page, "print-letters.png");
        await Assertions.Expect(page.Locator("[data-testid=letters-print]")).ToBeHiddenAsync();
        var breaks = await letters.EvaluateAllAsync<string[]>("ls => ls.map(l => getComputedStyle(l).breakAfter)");
        Assert.All(breaks[..^1], b => Assert.Equal("page", b));
    }

    [BrowserFact]
    public async Task Disclosure_PrintPage_HasAButtonThatPrintsOnceOnA4()
    {
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H2"), CancellationToken.None));
        int id;
        await using (var db = await factory.CreateDbContextAsync())
            id = await db.Disclosures.OrderBy(d => d.EstateId).Select(d => d.Id).FirstAsync();
        var (context, page) = await OpenAsync(Roles.Manager);
        await using var _ = context;

        await page.GotoAsync($"{factory.BaseUrl}/fees/disclosures/{id}/print");
        await PrintOnceAsync(page, "[data-testid=disclosure-print-button]");
        await ShootPrintAsync(page, "print-disclosure.png");
        await Assertions.Expect(page.Locator("[data-testid=disclosure-print-button]")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task StaffPage_PrintMedia_HidesTheAppBarAndMenu()
    {
        var (context, page) = await OpenAsync(Roles.Finance);
        await using var _ = context;

        await page.GotoAsync($"{factory.BaseUrl}/fees/books");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();
        await ShootPrintAsync(page, "print-books.png");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main, .mud-main-content").First).ToBeVisibleAsync();
    }
}

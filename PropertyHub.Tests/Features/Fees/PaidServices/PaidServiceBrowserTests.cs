using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.PaidServices;

namespace PropertyHub.Tests.Features.Fees.PaidServices;

/// <summary>The tablet handed to the occupant: a real browser at 1024×768 with touch, signing with the pointer.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PaidServiceBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<IPage> TabletAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Engineer), DemoUsers.Password);
        return page;
    }

    private Task<IBrowserContext> NewTabletContextAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "en-US",
        ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
        HasTouch = true,
    });

    /// <summary>A unit with one occupant who reads English, so the tablet speaks it.</summary>
    private async Task<(string Address, int OccupantId)> UnitAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).Include(u => u.Occupants).FirstAsync(u => u.Occupants.Count == 1);
        unit.Occupants[0].PreferredLanguage = "en";
        await db.SaveChangesAsync();
        return ($"{unit.Building!.Code}-{unit.Number}", unit.Occupants[0].Id);
    }

    [BrowserFact]
    public async Task Tablet_RecordThenOccupantSignsWithThePointer_SignedWithSvgPath()
    {
        var (address, occupantId) = await UnitAsync();
        await using var context = await NewTabletContextAsync();
        var page = await TabletAsync(context);

        await page.GotoAsync(factory.BaseUrl + "/fees/paid-services");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid=ps-unit]").FillAsync(address);
        await page.Locator("[data-testid=ps-find]").ClickAsync();
        await page.Locator("[data-testid=ps-record]").ClickAsync();
        await page.Locator("[data-testid=ps-common-Type_Tap]").ClickAsync();
        await page.Locator("input[data-testid=ps-price]").FillAsync("85");
        await page.Locator("[data-testid=ps-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=ps-state]")).ToHaveTextAsync("Awaiting signature");
        await page.Locator("[data-testid=ps-sign]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=summary-type]")).ToHaveTextAsync("Replace a tap");
        // A kiosk: nothing on the page leads to the staff pages.
        await Assertions.Expect(page.Locator("[data-testid=kiosk]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-appbar, .mud-drawer, [data-testid=user-menu], a[href]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=summary-price]")).ToHaveTextAsync("85.00");
        // Nor does the browser's Back button: the occupant stays on the page they are signing.
        var signing = page.Url;
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(signing);
        await Assertions.Expect(page.Locator("[data-testid=kiosk]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-appbar, .mud-drawer")).ToHaveCountAsync(0);
        var pad = page.Locator("canvas[data-testid=signature-pad][data-ready=true]");
        await pad.WaitForAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await StrokeAsync(page, box, [(0.10f, 0.60f), (0.18f, 0.25f), (0.26f, 0.70f), (0.34f, 0.30f), (0.42f, 0.65f)]);
        await StrokeAsync(page, box, [(0.50f, 0.45f), (0.70f, 0.50f), (0.88f, 0.40f)]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "paid-service-signing.png") });
        await page.Locator("[data-testid=sign-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=sign-done]")).ToContainTextAsync("Thank you");
        await Assertions.Expect(page.Locator("[data-testid=signature-image] path")).ToHaveAttributeAsync("d", PathPattern());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "paid-service-signed.png"), FullPage = true });
        // Back to the staff view only with the staff member's password: a wrong one keeps the kiosk.
        await page.Locator("[data-testid=kiosk-leave]").ClickAsync();
        await page.Locator("input[data-testid=kiosk-password]").FillAsync("not-the-password");
        await page.Locator("[data-testid=kiosk-return]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=kiosk-staff]")).ToContainTextAsync("That password is not right");
        await Assertions.Expect(page.Locator("[data-testid=sign-done]")).ToBeVisibleAsync();
        await page.Locator("input[data-testid=kiosk-password]").FillAsync(DemoUsers.Password);
        await page.Locator("input[data-testid=kiosk-password]").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/fees/paid-services\\?unit="));
        await Assertions.Expect(page.Locator("[data-testid=ps-state]")).ToHaveTextAsync("Signed, to be billed");
        await Assertions.Expect(page.Locator("[data-testid=ps-sign]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "paid-services-list.png"), FullPage = true });

        await using var db = await factory.CreateDbContextAsync();
        var service = await db.PaidServices.AsNoTracking().SingleAsync(s => s.OccupantId == occupantId);
        Assert.Equal((85.00m, "黄伟", "黄伟"), (service.Price, service.StaffName, service.WitnessedBy));
        Assert.NotNull(service.SignedAt);
        Assert.Matches(PathPattern(), service.Signature);
        Assert.Equal(2, service.Signature!.Count(c => c == 'M'));
        Assert.InRange(PaidServiceRules.Points(service.Signature!), 20, 1000);
        Assert.Null(PaidServiceRules.Signature(service.Signature));
    }

    [BrowserFact]
    public async Task Tablet_DrawnThenClearedAndConfirmed_LeftEmptyInTheOccupantsLanguageAndNothingSaved()
    {
        int id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var unit = await db.Units.Include(u => u.Building).Include(u => u.Occupants).FirstAsync(u => u.Occupants.Count == 1);
            unit.Occupants[0].PreferredLanguage = "zh-Hans";
            var service = new PropertyHub.Features.Fees.PaidService
            {
                EstateId = unit.Building!.EstateId, UnitId = unit.Id, OccupantId = unit.Occupants[0].Id, ServiceType = "疏通下水道",
                Price = 60m, ServiceDate = new DateOnly(2026, 1, 5), StaffName = "黄伟", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.PaidServices.Add(service);
            await db.SaveChangesAsync();
            id = service.Id;
        }
        await using var context = await NewTabletContextAsync();
        var page = await TabletAsync(context);

        await page.GotoAsync($"{factory.BaseUrl}/fees/paid-services/{id}/sign");
        await page.WaitForInteractiveAsync();
        var pad = page.Locator("canvas[data-testid=signature-pad][data-ready=true]");
        await pad.WaitForAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await StrokeAsync(page, box, [(0.10f, 0.50f), (0.40f, 0.30f), (0.80f, 0.60f)]);
        await page.Locator("[data-testid=sign-clear]").ClickAsync();
        await page.Locator("[data-testid=sign-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=sign-error]")).ToHaveTextAsync("签名为空：请在框内签名。");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "paid-service-left-empty.png") });
        // Drawing again clears the complaint at once.
        await StrokeAsync(page, box, [(0.20f, 0.50f), (0.50f, 0.40f)]);
        await Assertions.Expect(page.Locator("[data-testid=sign-error]")).ToHaveCountAsync(0);
        await using var check = await factory.CreateDbContextAsync();
        var saved = await check.PaidServices.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Null(saved.Signature);
        Assert.Null(saved.SignedAt);
    }

    private static async Task StrokeAsync(IPage page, LocatorBoundingBoxResult box, (float X, float Y)[] points)
    {
        await page.Mouse.MoveAsync(box.X + box.Width * points[0].X, box.Y + box.Height * points[0].Y);
        await page.Mouse.DownAsync();
        foreach (var (x, y) in points.Skip(1))
            await page.Mouse.MoveAsync(box.X + box.Width * x, box.Y + box.Height * y, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    [GeneratedRegex(@"^M\d+ \d+( L\d+ \d+)+ M\d+ \d+( L\d+ \d+)+$")]
    private static partial Regex PathPattern();
}

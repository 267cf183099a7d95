using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Documents;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>The move-in at the counter in a real browser: a clerk walks an owner through it; the owner signs for the keys on the tablet.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MoveInBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Clerk_DocumentsDefectKeysSignedOnTheTabletThenCompleted_MovedInWithAWorkOrder()
    {
        var (_, ids) = await new MoveInTesting(factory).NoticedBatchAsync(1, inDays: 0);
        var id = ids[0];
        int ownerId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var moveIn = await db.MoveIns.SingleAsync(m => m.Id == id);
            ownerId = moveIn.OccupantId;
            var owner = await db.Occupants.SingleAsync(o => o.Id == moveIn.OccupantId);
            owner.PreferredLanguage = "en";
            await db.SaveChangesAsync();
        }
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        await page.GotoAsync($"{factory.BaseUrl}/move-in/{id}");
        await page.WaitForInteractiveAsync();

        // Completing before anything is done is refused, with the reason, where the clerk is (a snackbar, not the page's top).
        await page.Locator("[data-testid=complete]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "Finish the house inspection first." })).ToBeVisibleAsync();

        // Each tick is saved as it is made: a reload keeps them.
        await page.Locator("[data-testid=document-IdCopy]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=documents-saved]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=document-PurchaseContract]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=documents-saved]")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("input[data-testid=document-PurchaseContract], [data-testid=document-PurchaseContract] input")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("input[data-testid=document-IdCopy], [data-testid=document-IdCopy] input")).ToBeCheckedAsync();
        // The owner's links and the fees fit a 1024 screen and a phone.
        foreach (var width in new[] { 1024, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Assertions.Expect(page.Locator("[data-testid=move-in-documents-link]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, $"move-in-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);

        await page.Locator("input[data-testid=defect-place]").FillAsync("Master bedroom window");
        await page.Locator("input[data-testid=defect-description]").FillAsync("Frame leaks when it rains");
        await page.Locator("[data-testid=defect-category]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Doors and windows" }).ClickAsync();
        await page.Locator("[data-testid=defect-add]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=defect-work-order]")).ToContainTextAsync("Work order #");
        await page.Locator("[data-testid=inspection-done]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=inspected]")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=keys-text]").FillAsync("Front door 3, mailbox 1");
        await page.Locator("input[data-testid=keys-text]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=keys-sign]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await page.Locator("[data-testid=keys-sign]").ClickAsync();

        // The tablet: the key receipt in the owner's language, no staff menu, a pad.
        await Assertions.Expect(page.Locator("[data-testid=sign-what]")).ToContainTextAsync("have received the keys");
        await Assertions.Expect(page.Locator(".mud-appbar, .mud-drawer")).ToHaveCountAsync(0);
        var pad = page.Locator("canvas[data-testid=signature-pad][data-ready=true]");
        await pad.WaitForAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await StrokeAsync(page, box, [(0.10f, 0.60f), (0.18f, 0.25f), (0.26f, 0.70f), (0.34f, 0.30f), (0.42f, 0.65f)]);
        await StrokeAsync(page, box, [(0.50f, 0.45f), (0.70f, 0.50f), (0.88f, 0.40f)]);
        await page.Locator("[data-testid=sign-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=sign-done]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=kiosk-leave]").ClickAsync();
        await page.Locator("input[data-testid=kiosk-password]").FillAsync(DemoUsers.Password);
        await page.Locator("input[data-testid=kiosk-password]").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/move-in/{id}$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=keys-signed]")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=complete-note]").FillAsync("Owner satisfied");
        await page.Locator("[data-testid=complete]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=move-in-completed]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=move-in-record]")).ToContainTextAsync("Owner satisfied");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "move-in-completed.png"), FullPage = true });

        // The scan of the key receipt signed on paper: a page renamed .pdf is refused with the reason and nothing listed; the real scan is listed.
        var keysInput = page.Locator("input[data-testid=scan-input-KeyReceipt]");
        await keysInput.SetInputFilesAsync(new FilePayload { Name = "keys.pdf", MimeType = "application/pdf", Buffer = "<html><body>not a scan</body></html>"u8.ToArray() });
        await Assertions.Expect(page.Locator("[data-testid=scan-error]")).ToContainTextAsync("not one of the accepted kinds");
        await Assertions.Expect(page.Locator("[data-testid=scan-form][data-form=KeyReceipt] [data-testid=move-in-scan]")).ToHaveCountAsync(0);
        await keysInput.SetInputFilesAsync(new FilePayload { Name = "key receipt.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() });
        await Assertions.Expect(page.Locator("[data-testid=scan-saved]")).ToContainTextAsync("is on the owner's file");
        await Assertions.Expect(page.Locator("[data-testid=scan-form][data-form=KeyReceipt] [data-testid=move-in-scan]")).ToContainTextAsync("key receipt.pdf");

        // The signed key receipt is on the owner's file, noting the move-in, with its scan to open, on the owner's documents page.
        await page.GotoAsync($"{factory.BaseUrl}/occupants/{ownerId}/documents");
        await page.WaitForInteractiveAsync();
        var keyReceipt = page.Locator($"[data-testid=document-row][data-kind=\"{StandardDocumentKinds.KeyReceipt}\"]").Filter(new() { HasTextString = $"(#{id})" });
        await Assertions.Expect(keyReceipt).ToBeVisibleAsync();
        await Assertions.Expect(keyReceipt.Locator("[data-testid=scan-view]")).ToHaveCountAsync(1);

        await using var check = await factory.CreateDbContextAsync();
        var done = await check.MoveIns.Include(m => m.Documents).Include(m => m.Defects).SingleAsync(m => m.Id == id);
        Assert.NotNull(done.MovedInOn);
        Assert.Equal(["IdCopy", "PurchaseContract"], done.Documents.Select(d => d.Key).Order());
        Assert.NotNull(Assert.Single(done.Defects).WorkOrderId);
        Assert.Equal("Front door 3, mailbox 1", done.Keys);
        Assert.Matches(@"^M\d+ \d+( L\d+ \d+)+ M\d+ \d+( L\d+ \d+)+$", done.KeysSignature);
    }

    private static async Task StrokeAsync(IPage page, LocatorBoundingBoxResult box, (float X, float Y)[] points)
    {
        await page.Mouse.MoveAsync(box.X + box.Width * points[0].X, box.Y + box.Height * points[0].Y);
        await page.Mouse.DownAsync();
        foreach (var (x, y) in points.Skip(1))
            await page.Mouse.MoveAsync(box.X + box.Width * x, box.Y + box.Height * y, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}

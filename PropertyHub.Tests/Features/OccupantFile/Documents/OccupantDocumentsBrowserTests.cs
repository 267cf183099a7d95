using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Tests.Features.Files;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>
/// The clerk goes from the unit page to the occupant's documents page and uploads an ID copy; a Clerk (without the
/// right) cannot open it and gets the app's own page; the checklist fits an office screen and reads as cards on a
/// phone; the Manager opens the scan, and the opening appears on the document.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OccupantDocumentsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    // The upload travels through the circuit in chunks: on a machine shared by several builds it can take a while.
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<IPage> SignedInAsync(IBrowserContext context, string role)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(role), DemoUsers.Password);
        return page;
    }

    private async Task<ILocator> IdentityRowAsync(IPage page, int occupantId)
    {
        await page.GotoAsync($"{factory.BaseUrl}/occupants/{occupantId}/documents");
        await page.WaitForInteractiveAsync();
        return page.Locator($"[data-testid=document-row][data-kind=\"{StandardDocumentKinds.IdentityDocuments}\"]");
    }

    /// <summary>Nothing of the checklist is cut off: the page never scrolls sideways and every button is inside the window.</summary>
    private static async Task AssertFitsAsync(IPage page, int width)
    {
        Assert.False(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > window.innerWidth"));
        foreach (var button in await page.Locator("[data-testid=document-checklist] button").AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"a button at {box.X}+{box.Width} of {width}");
        }
    }

    [BrowserFact]
    public async Task IdCopy_UploadedByTheClerk_RefusedToAClerk_OpenedByTheManager_TheOpeningOnTheDocument()
    {
        int unitId, occupantId;
        await using (var db = await factory.CreateDbContextAsync())
            (unitId, occupantId) = await db.Units.Where(u => u.Occupants.Count == 1).OrderBy(u => u.Id)
                .Select(u => new ValueTuple<int, int>(u.Id, u.Occupants.Select(o => o.Id).First())).FirstAsync();
        var options = new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        };
        await using var clerkContext = await browser.Browser.NewContextAsync(options);
        var clerk = await SignedInAsync(clerkContext, Roles.Clerk);
        // The occupant's card on the unit page leads to the occupant's documents page.
        await clerk.GotoAsync($"{factory.BaseUrl}/units/{unitId}");
        await clerk.WaitForInteractiveAsync();
        await clerk.Locator("[data-testid=documents-link]").ClickAsync();
        await clerk.WaitForURLAsync($"**/occupants/{occupantId}/documents");
        await clerk.WaitForInteractiveAsync();
        var row = clerk.Locator($"[data-testid=document-row][data-kind=\"{StandardDocumentKinds.IdentityDocuments}\"]");
        await Assertions.Expect(row.Locator("[data-testid=document-status]")).ToHaveTextAsync("缺");
        await AssertFitsAsync(clerk, 1366);
        await row.Locator("[data-testid=document-add]").ClickAsync();
        await clerk.Locator("input[data-testid=document-scan]").SetInputFilesAsync(new FilePayload
        {
            Name = "身份证复印件.pdf", MimeType = "application/pdf", Buffer = FileIntakeTests.Pdf,
        });
        await Assertions.Expect(clerk.Locator("[data-testid=document-scan-chosen]")).ToHaveTextAsync("身份证复印件.pdf", Slow);
        await clerk.Locator("[data-testid=document-form] [data-testid=save]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=document-status]")).ToHaveTextAsync("复印件", Slow);
        await Assertions.Expect(row.Locator("[data-testid=scan-restricted]")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-testid=scan-view]")).ToHaveCountAsync(0);
        int documentId;
        await using (var db = await factory.CreateDbContextAsync())
            documentId = await db.OccupantDocuments.Where(d => d.OccupantId == occupantId && d.KindId == StandardDocumentKinds.IdentityDocuments).Select(d => d.Id).SingleAsync();
        // The link pasted by a clerk without the right: the app's own page, in her language, still a 403.
        var refused = await clerkContext.APIRequest.GetAsync(factory.BaseUrl + DocumentScans.Link(documentId));
        Assert.Equal(403, refused.Status);
        Assert.Contains("您没有权限打开此页面", System.Net.WebUtility.HtmlDecode(await refused.TextAsync()));

        // On a 390 px phone each kind is a card: its name on a line of its own, its papers labelled, its button on screen.
        await using var phoneContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions(options)
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
        });
        var phone = await SignedInAsync(phoneContext, Roles.Clerk);
        var phoneRow = await IdentityRowAsync(phone, occupantId);
        await Assertions.Expect(phoneRow.Locator("[data-testid=document-received]")).ToContainTextAsync("接收");
        await Assertions.Expect(phone.Locator("[data-testid=document-checklist] thead")).ToBeHiddenAsync();
        var narrowest = await phone.Locator("[data-testid=document-kind]").EvaluateAllAsync<double>("els => Math.min(...els.map(e => e.getBoundingClientRect().width))");
        Assert.True(narrowest > 200, $"a kind's name in {narrowest} px");
        await AssertFitsAsync(phone, 390);

        await using var managerContext = await browser.Browser.NewContextAsync(options);
        var manager = await SignedInAsync(managerContext, Roles.Manager);
        row = await IdentityRowAsync(manager, occupantId);
        var href = await row.Locator("[data-testid=scan-view]").GetAttributeAsync("href");
        var opened = await managerContext.APIRequest.GetAsync(factory.BaseUrl + href);
        Assert.Equal(200, opened.Status);
        Assert.Equal(FileIntakeTests.Pdf, await opened.BodyAsync());

        row = await IdentityRowAsync(manager, occupantId);
        await row.Locator("[data-testid=scan-reads-toggle]").ClickAsync();
        var name = DemoUsers.All.Single(u => u.Role == Roles.Manager).DisplayName;
        await Assertions.Expect(manager.Locator("[data-testid=scan-read]")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("[data-testid=scan-read]")).ToContainTextAsync($"{name} 于");
        await Assertions.Expect(manager.Locator("[data-testid=scan-read]")).ToContainTextAsync("查看");
    }
}

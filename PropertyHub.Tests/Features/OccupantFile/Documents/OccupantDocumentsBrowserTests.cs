using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Tests.Features.Files;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>
/// The clerk uploads an ID copy from the unit page; a Clerk (without the right) cannot open it; the Manager can, and
/// the opening appears on the document.
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

    private async Task<ILocator> IdentityRowAsync(IPage page, int unitId)
    {
        await page.GotoAsync($"{factory.BaseUrl}/units/{unitId}");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=document-checklist] .mud-expand-panel-header").ClickAsync();
        return page.Locator($"[data-testid=document-row][data-kind=\"{StandardDocumentKinds.IdentityDocuments}\"]");
    }

    [BrowserFact]
    public async Task IdCopy_UploadedByTheClerk_RefusedToAClerk_OpenedByTheManager_TheOpeningOnTheDocument()
    {
        int unitId;
        await using (var db = await factory.CreateDbContextAsync())
            unitId = await db.Units.Where(u => u.Occupants.Count == 1).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var options = new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-Hans" },
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        };
        await using var clerkContext = await browser.Browser.NewContextAsync(options);
        var clerk = await SignedInAsync(clerkContext, Roles.Clerk);
        var row = await IdentityRowAsync(clerk, unitId);
        await Assertions.Expect(row.Locator("[data-testid=document-status]")).ToHaveTextAsync("缺");
        await row.Locator("[data-testid=document-record]").ClickAsync();
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
            documentId = await db.OccupantDocuments.Where(d => d.Occupant!.UnitId == unitId && d.KindId == StandardDocumentKinds.IdentityDocuments).Select(d => d.Id).SingleAsync();
        var refused = await clerkContext.APIRequest.GetAsync(factory.BaseUrl + DocumentScans.Link(documentId));
        Assert.Equal(403, refused.Status);

        await using var managerContext = await browser.Browser.NewContextAsync(options);
        var manager = await SignedInAsync(managerContext, Roles.Manager);
        row = await IdentityRowAsync(manager, unitId);
        var href = await row.Locator("[data-testid=scan-view]").GetAttributeAsync("href");
        var opened = await managerContext.APIRequest.GetAsync(factory.BaseUrl + href);
        Assert.Equal(200, opened.Status);
        Assert.Equal(FileIntakeTests.Pdf, await opened.BodyAsync());

        row = await IdentityRowAsync(manager, unitId);
        await row.Locator("[data-testid=scan-reads-toggle]").ClickAsync();
        var name = DemoUsers.All.Single(u => u.Role == Roles.Manager).DisplayName;
        await Assertions.Expect(manager.Locator("[data-testid=scan-read]")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator("[data-testid=scan-read]")).ToContainTextAsync($"{name} 于");
        await Assertions.Expect(manager.Locator("[data-testid=scan-read]")).ToContainTextAsync("查看");
    }
}

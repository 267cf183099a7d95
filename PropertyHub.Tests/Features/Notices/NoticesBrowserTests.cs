using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Notices;

[Collection(BrowserCollection.Name)]
public sealed class NoticesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task NoticesPage_MoreThanAHundredNotices_RendersOnePageAndThePagerMoves()
    {
        var baseUrl = factory.BaseUrl;
        int total;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var occupant = await db.Occupants.Include(o => o.Unit).ThenInclude(u => u!.Building).OrderBy(o => o.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 130; i++)
            {
                db.Notices.Add(new Notice
                {
                    EstateId = occupant.Unit!.Building!.EstateId, BuildingId = occupant.Unit.BuildingId, Kind = "survey", SourceKey = $"survey:browser:{i}",
                    Channel = NoticeChannel.Letter, RecipientKey = NoticeOutbox.OccupantKey(occupant.Id), OccupantId = occupant.Id, Language = "zh-Hans",
                    Subject = $"Notice {i:D3}", Body = "body", Status = NoticeStatus.Pending, CreatedAt = now,
                });
            }
            await db.SaveChangesAsync();
            total = await db.Notices.CountAsync();
        }

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        await page.GotoAsync(baseUrl + "/notices");
        await page.WaitForInteractiveAsync();

        var rows = page.Locator("[data-testid=notices-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(rows.First).ToContainTextAsync("Notice 129");
        var caption = page.Locator("[data-testid=notices-table] .mud-table-pagination-caption").Last;
        await Assertions.Expect(caption).ToContainTextAsync($"1-25 of {total}");

        await page.Locator("[data-testid=notices-table] .mud-table-pagination-actions button").Nth(2).ClickAsync();

        await Assertions.Expect(caption).ToContainTextAsync($"26-50 of {total}");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(rows.First).ToContainTextAsync("Notice 104");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "notices-page-2.png") });
    }
}

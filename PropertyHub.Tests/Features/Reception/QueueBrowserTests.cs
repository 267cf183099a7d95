using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>A clerk and a supervisor in two browsers: the complaint reaches the supervisor's queue live and ticks there.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class QueueBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Queue_ClerkLogsComplaint_SupervisorSeesItTickingAndRepliesItAway()
    {
        var baseUrl = factory.BaseUrl;
        var options = new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1500, Height = 900 } };
        await using var supervisorContext = await browser.Browser.NewContextAsync(options);
        await using var clerkContext = await browser.Browser.NewContextAsync(options);
        var supervisor = await supervisorContext.NewPageAsync();
        var clerk = await clerkContext.NewPageAsync();
        await supervisor.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        await clerk.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        await supervisor.GotoAsync(baseUrl + "/reception/queue");
        await supervisor.WaitForInteractiveAsync();
        await Assertions.Expect(supervisor.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();

        // The clerk's complaint goes through the real service, acting as the signed-in clerk.
        var complaint = await factory.LogComplaintAsync("The corridor lights on floor 12 are out.");

        var row = supervisor.Locator($"[data-testid=queue-row][data-request-id='{complaint.Id}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var countdown = row.Locator("[data-testid=countdown]");
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-band", "normal");
        var first = Seconds(await countdown.InnerTextAsync());
        Assert.InRange(first, 72 * 3600 - 60, 72 * 3600);
        await supervisor.WaitForTimeoutAsync(1500);
        var second = Seconds(await countdown.InnerTextAsync());
        Assert.True(second < first, $"countdown did not tick: {first} then {second}");
        Assert.InRange(first - second, 1, 3);

        await row.ClickAsync();
        var drawer = supervisor.Locator("[data-testid=drawer-request]");
        await Assertions.Expect(drawer).ToHaveAttributeAsync("data-request-id", complaint.Id.ToString());
        await supervisor.Locator("[data-testid=reply-text]").FillAsync("An electrician replaced the lights at 15:00.");
        await supervisor.Locator("[data-testid=action-reply]").ClickAsync();

        await Assertions.Expect(supervisor.Locator("[data-testid=drawer-status]")).ToHaveTextAsync("Closed");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.Locator("[data-testid=timeline-entry][data-kind=Replied]")).ToContainTextAsync("An electrician replaced the lights");
        await supervisor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "queue-replied.png") });
    }

    [BrowserFact]
    public async Task Queue_SupervisorClosesWithoutAReply_OnlyWithAReasonAfterConfirming()
    {
        var baseUrl = factory.BaseUrl;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        var complaint = await factory.LogComplaintAsync("The same leak reported twice.");
        await page.GotoAsync(baseUrl + "/reception/queue");
        await page.WaitForInteractiveAsync();
        var row = page.Locator($"[data-testid=queue-row][data-request-id='{complaint.Id}']");
        await row.ClickAsync();

        // "Close" asks first: nothing is closed by the click itself.
        await page.Locator("[data-testid=action-close]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=close-confirm]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=drawer-status]")).ToHaveTextAsync("Open");
        await page.Locator("[data-testid=close-confirm-button]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=close-confirm]")).ToContainTextAsync("Choose why the item closes without a reply");
        await Assertions.Expect(page.Locator("[data-testid=drawer-status]")).ToHaveTextAsync("Open");

        await page.Locator("[data-testid=close-reason]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Duplicate of another item" }).ClickAsync();
        await page.Locator("input[data-testid=close-remark]").FillAsync("Same as the call at 09:12");
        await page.Locator("[data-testid=close-confirm-button]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=drawer-status]")).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-kind=Closed]")).ToContainTextAsync("Duplicate of another item");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-kind=Closed]")).ToContainTextAsync("Same as the call at 09:12");
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Queue_EscClosesTheDrawer_AndTheWallboardsOverdueRowIsReadable()
    {
        var baseUrl = factory.BaseUrl;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        var complaint = await factory.LogComplaintAsync("Water on the stairs of building 3.");
        await using (var db = await factory.CreateDbContextAsync())
        {
            // 80 hours ago: long past its 72-hour reply deadline.
            var stored = await db.ServiceRequests.SingleAsync(r => r.Id == complaint.Id);
            stored.ReceivedAt = stored.ReceivedAt.AddHours(-80);
            stored.DueAt = stored.DueAt!.Value.AddHours(-80);
            stored.WarnAt = stored.WarnAt?.AddHours(-80);
            await db.SaveChangesAsync();
        }

        await page.GotoAsync(baseUrl + "/reception/queue");
        await page.WaitForInteractiveAsync();
        var row = page.Locator($"[data-testid=queue-row][data-request-id='{complaint.Id}']");
        await Assertions.Expect(row.Locator("[data-testid=due-at]")).ToHaveTextAsync(new Regex(@"^\d{2}-\d{2} \d{2}:\d{2}$"));
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=drawer-request]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=drawer-request]")).ToHaveCountAsync(0);

        await page.GotoAsync(baseUrl + "/reception/wallboard");
        var overdue = page.Locator($"[data-testid=wallboard-row][data-request-id='{complaint.Id}']");
        await Assertions.Expect(overdue.Locator("[data-band=overdue]")).ToBeVisibleAsync();
        var contrast = await overdue.Locator("td").First.EvaluateAsync<double>(ContrastScript);
        Assert.True(contrast >= 4.5, $"overdue row contrast {contrast:0.0}:1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "wallboard-overdue.png") });
    }

    /// <summary>WCAG contrast between a cell's text colour and the first opaque background behind it.</summary>
    private const string ContrastScript = """
        cell => {
            const rgb = s => (s.match(/[\d.]+/g) || [0, 0, 0, 0]).map(Number);
            let el = cell, bg = null;
            while (el) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length < 4 || c[3] > 0) { bg = c; break; } el = el.parentElement; }
            const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const a = lum(rgb(getComputedStyle(cell).color)), b = lum(bg || [255, 255, 255]);
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
        """;

    private static int Seconds(string text)
    {
        var match = Hms().Match(text.Trim());
        Assert.True(match.Success, $"not a countdown: '{text}'");
        return int.Parse(match.Groups[1].Value) * 3600 + int.Parse(match.Groups[2].Value) * 60 + int.Parse(match.Groups[3].Value);
    }

    [GeneratedRegex(@"^(\d{2,}):(\d{2}):(\d{2})$")]
    private static partial Regex Hms();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// A repair from the call to the close, in a browser: the clerk creates the work order and books the appointment, the
/// engineer records his visit and the occupant's acceptance, the clerk's open page follows each step live, and the
/// repair closes only after the follow-up call is recorded. The supervisor assigns another repair on the dispatch board
/// and sees each step live, on the board and in the queue's drawer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RepairsBrowserTests(BrowserFixture browser, KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{

    [BrowserFact]
    public async Task Repair_ClerkBooks_EngineerVisits_ClerkFollowsUpAndCloses_SupervisorAssignsOnTheBoardAndSeesEachStepLive()
    {
        var baseUrl = factory.BaseUrl;
        var requestId = await LogRepairCallAsync();
        var otherId = await CreateOrderAsync(await LogRepairCallAsync());

        // The supervisor books the other repair from the dispatch board (tomorrow, the only engineer), and keeps the board open.
        await using var supervisorContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var board = await supervisorContext.NewPageAsync();
        await board.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        await board.GotoAsync(baseUrl + "/repairs/dispatch");
        await board.WaitForInteractiveAsync();
        await board.Locator($"[data-testid=dispatch-unscheduled] tr:has(a[href='/repairs/{otherId}']) [data-testid=dispatch-assign]").ClickAsync();
        await Field(board, "appointment-from").FillAsync("14:00");
        await Field(board, "appointment-to").FillAsync("15:00");
        await board.Locator("[data-testid=assign-dialog] [data-testid=appointment-save]").ClickAsync();
        await Assertions.Expect(board.Locator("[data-testid=assign-dialog]")).ToHaveCountAsync(0);
        await board.Locator("[data-testid=dispatch-next]").ClickAsync();
        await Assertions.Expect(board.Locator($"[data-testid=dispatch-visit][data-id='{otherId}']")).ToContainTextAsync("14:00–15:00");
        await Assertions.Expect(board.Locator($"[data-testid=dispatch-unscheduled] a[href='/repairs/{otherId}']")).ToHaveCountAsync(0);
        // The supervisor's queue, with the clerk's repair open in the drawer: each step shows there without a reload.
        var queue = await supervisorContext.NewPageAsync();
        await queue.GotoAsync(baseUrl + "/reception/queue");
        await queue.WaitForInteractiveAsync();
        // The queue opens on complaints and inquiries: the supervisor adds repair requests.
        await queue.Locator("[data-testid=filter-kinds]").ClickAsync();
        await queue.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Repair request" }).ClickAsync();
        await queue.Keyboard.PressAsync("Escape");
        await queue.Locator($"[data-testid=queue-row][data-request-id='{requestId}']").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-testid=drawer-request]")).ToHaveAttributeAsync("data-request-id", requestId.ToString());
        var steps = queue.Locator("[data-testid=timeline-entry][data-kind=WorkOrder]");
        await Assertions.Expect(steps).ToHaveCountAsync(0);

        await using var clerkContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        await clerk.GotoAsync(baseUrl + "/repairs");
        await clerk.WaitForInteractiveAsync();

        var waiting = clerk.Locator("[data-testid=waiting-request]");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await clerk.Locator("[data-testid=create-work-order]").ClickAsync();
        await clerk.Locator("[data-testid=work-order-save]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=work-order-dialog]")).ToContainTextAsync("Choose what kind of repair it is.");
        await clerk.Locator("[data-testid=work-order-category]").ClickAsync();
        await clerk.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Water" }).ClickAsync();
        await clerk.Locator("[data-testid=work-order-save]").ClickAsync();

        var state = clerk.Locator("[data-testid=work-order-state]");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.ToSchedule));
        // The day defaults to tomorrow and the only engineer is chosen: the clerk sets the window and saves.
        await Field(clerk, "appointment-from").FillAsync("10:00");
        await Field(clerk, "appointment-to").FillAsync("12:00");
        await clerk.Locator("[data-testid=appointment-save]").ClickAsync();
        await clerk.Locator("[data-testid=work-order-state][data-status=Scheduled], [data-testid=repair-error]").First.WaitForAsync();
        Assert.Empty(await clerk.Locator("[data-testid=repair-error]").AllInnerTextsAsync());
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Scheduled));
        await Assertions.Expect(clerk.Locator("[data-testid=appointment][data-status=Current]")).ToContainTextAsync("10:00–12:00");
        var orderUrl = clerk.Url;
        var orderId = orderUrl.Split('/')[^1];
        await Assertions.Expect(board.Locator($"[data-testid=dispatch-visit][data-id='{orderId}']")).ToContainTextAsync("10:00–12:00");
        await Assertions.Expect(steps).ToHaveCountAsync(2);
        await Assertions.Expect(queue.Locator("[data-testid=drawer-timeline]")).ToContainTextAsync("10:00–12:00");

        await using var engineerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var engineer = await engineerContext.NewPageAsync();
        await engineer.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Engineer), DemoUsers.Password);
        await engineer.GotoAsync(orderUrl);
        await engineer.WaitForInteractiveAsync();
        await engineer.Locator("[data-testid=visit-arrived]").ClickAsync();
        // The clerk's page follows without a reload.
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.InProgress));
        await Assertions.Expect(queue.Locator("[data-testid=drawer-timeline]")).ToContainTextAsync("Engineer arrived");
        await Field(engineer, "visit-work-done", "textarea").FillAsync("Replaced the washer");
        await engineer.Locator("[data-testid=visit-finish]").ClickAsync();
        await SignAcceptanceAsync(engineer);
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Completed));

        await clerk.Locator("[data-testid=follow-up-save]").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.FollowedUp));
        await clerk.Locator("[data-testid=work-order-close]").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Closed));
        await Assertions.Expect(clerk.Locator("[data-testid=timeline-entry][data-kind=WorkOrder]")).ToHaveCountAsync(7);
        await Assertions.Expect(steps).ToHaveCountAsync(7);
        await Assertions.Expect(queue.Locator("[data-testid=drawer-status]")).ToHaveTextAsync("Closed");
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "dispatch-1366-en.png"), FullPage = true });
        await DispatchOnAPhoneAsync(board, otherId, "dispatch-390-en.png");
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "repair-closed.png"), FullPage = true });

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(RequestStatus.Closed, (await db.ServiceRequests.FindAsync(requestId))!.Status);

        // The board in 简体, on a laptop and on a phone.
        await using var chineseContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var chinese = await chineseContext.NewPageAsync();
        await chinese.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        await chinese.GotoAsync(baseUrl + "/repairs/dispatch");
        await chinese.WaitForInteractiveAsync();
        await chinese.Locator("[data-testid=dispatch-next]").ClickAsync();
        await Assertions.Expect(chinese.Locator($"[data-testid=dispatch-visit][data-id='{otherId}']")).ToContainTextAsync("14:00–15:00");
        await Assertions.Expect(chinese.Locator("[data-testid=dispatch-day]")).ToContainTextAsync("日");
        await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "dispatch-1366-zh-Hans.png"), FullPage = true });
        await DispatchOnAPhoneAsync(chinese, otherId, "dispatch-390-zh-Hans.png");
    }

    /// <summary>The board opened at a phone's width (tomorrow's visits) scrolls inside its own box, never the page sideways.</summary>
    private static async Task DispatchOnAPhoneAsync(IPage page, int visitId, string screenshot)
    {
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=dispatch-next]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=dispatch-visit][data-id='{visitId}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, screenshot), FullPage = true });
        // What sticks out past the window's right edge, outside any box that scrolls on its own.
        var wide = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; } return true; })
            .slice(0, 6).map(e => e.tagName + '.' + (e.className?.baseVal ?? e.className) + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"The dispatch board scrolls sideways ({screenshot}): {wide}");
        // Previous, today and next stay on one line.
        var arrows = await Task.WhenAll(new[] { "previous", "today", "next" }.Select(b => page.Locator($"[data-testid=dispatch-{b}]").BoundingBoxAsync()));
        Assert.True(arrows.Select(b => b!.Y + b.Height / 2).Max() - arrows.Select(b => b!.Y + b.Height / 2).Min() < 8, $"The day's arrows wrap ({screenshot}).");
        // The week scrolls inside the board's box, each day still wide enough to read.
        await page.Locator("[data-testid=dispatch-week]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=dispatch-visit][data-id='{visitId}']")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"The week scrolls the page sideways ({screenshot}).");
        Assert.True((await page.Locator($"[data-testid=dispatch-visit][data-id='{visitId}']").BoundingBoxAsync())!.Width >= 100, "A day of the week is too narrow to read.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, screenshot.Replace(".png", "-week.png")), FullPage = true });
    }

    [BrowserFact]
    public async Task Engineer_OnA390pxPhone_CallsArrivesTapsTheChecklistAndTheOccupantAccepts()
    {
        var baseUrl = factory.BaseUrl;
        var requestId = await LogRepairCallAsync();
        var (orderId, day) = await ScheduleSoonAsync(requestId);

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Engineer), DemoUsers.Password);
        await page.GotoAsync($"{baseUrl}/repairs/visits?day={day:yyyy-MM-dd}");
        await page.WaitForInteractiveAsync();

        var card = page.Locator($"[data-testid=visit-card][data-id='{orderId}']");
        await Assertions.Expect(card.Locator("[data-testid=visit-call]")).ToHaveAttributeAsync("href", "tel:13800000000");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The visits page scrolls sideways at 390px.");
        await card.Locator("[data-testid=visit-open]").TapAsync();
        await page.WaitForInteractiveAsync();

        var state = page.Locator("[data-testid=visit-state]");
        await page.Locator("[data-testid=visit-arrived]").TapAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.InProgress));
        await Assertions.Expect(page.Locator("[data-testid=visit-greeting]")).ToContainTextAsync("We need to service (check, repair) the water equipment. May we come in?");
        foreach (var check in Enum.GetValues<PropertyHub.Features.Repairs.Visits.VisitCheck>())
        {
            var button = page.Locator($"[data-testid=visit-check-{check}]");
            var box = await button.BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"{check} is {box.Height}px high: too small to tap.");
            await button.TapAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The visit page scrolls sideways at 390px.");
        await Field(page, "visit-work-done", "textarea").FillAsync("Replaced the washer");
        await page.Locator("[data-testid=visit-finish]").TapAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.AwaitingAcceptance));
        // The engineer hands the phone over: the occupant signs with the mouse in the kiosk view, without the staff menu.
        await SignAcceptanceAsync(page);
        Assert.Equal(0, await page.Locator(".mud-appbar, .mud-drawer").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The acceptance scrolls sideways at 390px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "repair-acceptance-390.png"), FullPage = true });
        await page.Locator("[data-testid=acceptance-back]").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Completed));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "repair-visit-390.png"), FullPage = true });

        await using var db = await factory.CreateDbContextAsync();
        var order = await db.WorkOrders.FindAsync(orderId);
        Assert.Equal(WorkOrderStatus.Completed, order!.Status);
        var finished = db.TimelineEntries.Where(t => t.ServiceRequestId == requestId && t.Kind == TimelineKind.WorkOrder).AsEnumerable().Select(t => t.Text).ToList();
        Assert.Contains(finished, t => t!.Contains("P4 checklist complete"));
        Assert.Matches(@"^M\s*\d+ \d+( L\s*\d+ \d+)+", order.AcceptanceSignature);
    }

    [BrowserFact]
    public async Task AcceptanceByLink_EngineerSendsIt_OccupantSignsOnA390pxPhone_WorkOrderAccepted()
    {
        var baseUrl = factory.BaseUrl;
        var (orderId, _) = await ScheduleSoonAsync(await LogRepairCallAsync());
        await factory.AsAsync(Roles.Engineer, async sp =>
        {
            var orders = sp.GetRequiredService<WorkOrderService>();
            var arrived = (await orders.ArriveAsync(orderId, (await LoadVersionAsync(orderId)))).Order!;
            Assert.True((await orders.FinishAsync(orderId, arrived.Version, "Replaced the washer")).Succeeded);
        });
        BrowserNewContextOptions Phone(string locale) => new() { Locale = locale, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

        // The occupant is out: the engineer sends the link from his phone and sees that it went.
        await using var engineerContext = await browser.Browser.NewContextAsync(Phone("en-US"));
        var engineer = await engineerContext.NewPageAsync();
        await engineer.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Engineer), DemoUsers.Password);
        await engineer.GotoAsync($"{baseUrl}/repairs/visits/{orderId}");
        await engineer.WaitForInteractiveAsync();
        await engineer.Locator("[data-testid=visit-send-link]").TapAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=visit-link-sent]").First).ToContainTextAsync("Acceptance link sent");

        string token;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var notice = await db.Notices.AsNoTracking().FirstAsync(n => n.Kind == AppointmentNotices.AcceptanceKind && n.SourceKey == AppointmentNotices.AcceptanceSource(orderId, 1));
            var url = factory.Services.GetRequiredService<PropertyHub.Features.Notices.NoticeLinks>().Open(notice)!;
            token = url[(url.LastIndexOf('/') + 1)..];
        }

        // The occupant opens the link on their own phone, signs (a first try cleared), and is satisfied.
        await using var occupantContext = await browser.Browser.NewContextAsync(Phone("zh-CN"));
        var occupant = await occupantContext.NewPageAsync();
        await occupant.GotoAsync($"{baseUrl}/r/accept/{token}");
        var pad = occupant.Locator("canvas[data-testid=signature-pad][data-ready=true]");
        await pad.WaitForAsync();
        Assert.True(await occupant.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The acceptance link scrolls sideways at 390px.");
        await DrawAsync(occupant, pad);
        await occupant.Locator("[data-testid=acceptance-link-clear]").TapAsync();
        await DrawAsync(occupant, pad);
        await occupant.Locator("[data-testid=acceptance-link-satisfied]").CheckAsync();
        await occupant.Locator("[data-testid=acceptance-link-confirm]").TapAsync();
        await Assertions.Expect(occupant.Locator("[data-testid=acceptance-link-done]")).ToBeVisibleAsync();
        await occupant.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "repair-acceptance-link-390.png"), FullPage = true });

        // The work order shows accepted on the engineer's phone.
        await engineer.ReloadAsync();
        await engineer.WaitForInteractiveAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=visit-state]")).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Completed));
        await using var after = await factory.CreateDbContextAsync();
        var order = await after.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == orderId);
        Assert.NotNull(order.AcceptedAt);
        Assert.Matches(@"^M\s*\d+ \d+( L\s*\d+ \d+)+$", order.AcceptanceSignature);
    }

    private async Task<int> LoadVersionAsync(int orderId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.WorkOrders.Where(w => w.Id == orderId).Select(w => w.Version).SingleAsync();
    }

    private static async Task DrawAsync(IPage page, ILocator pad)
    {
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.6f);
        await page.Mouse.DownAsync();
        foreach (var (x, y) in new[] { (0.25f, 0.3f), (0.4f, 0.7f), (0.6f, 0.35f), (0.85f, 0.6f) })
            await page.Mouse.MoveAsync(box.X + box.Width * x, box.Y + box.Height * y, new MouseMoveOptions { Steps = 6 });
        await page.Mouse.UpAsync();
    }

    /// <summary>From the engineer's visit to the kiosk view: the occupant signs with the mouse and confirms.</summary>
    private static async Task SignAcceptanceAsync(IPage page)
    {
        await page.Locator("[data-testid=visit-hand-over]").ClickAsync();
        await page.WaitForInteractiveAsync();
        var pad = page.Locator("canvas[data-testid=signature-pad][data-ready=true]");
        await pad.WaitForAsync();
        var box = (await pad.BoundingBoxAsync())!;
        (float X, float Y)[] stroke = [(0.10f, 0.60f), (0.18f, 0.25f), (0.26f, 0.70f), (0.34f, 0.30f), (0.42f, 0.65f), (0.60f, 0.40f), (0.85f, 0.55f)];
        await page.Mouse.MoveAsync(box.X + box.Width * stroke[0].X, box.Y + box.Height * stroke[0].Y);
        await page.Mouse.DownAsync();
        foreach (var (x, y) in stroke.Skip(1))
            await page.Mouse.MoveAsync(box.X + box.Width * x, box.Y + box.Height * y, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.Locator("[data-testid=acceptance-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=acceptance-done]")).ToBeVisibleAsync();
    }

    /// <summary>The clerk's work order and an appointment for the demo engineer starting in a minute; its day in estate time.</summary>
    private async Task<(int Id, DateOnly Day)> ScheduleSoonAsync(int requestId)
    {
        var id = 0;
        var day = default(DateOnly);
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            var orders = sp.GetRequiredService<WorkOrderService>();
            var order = (await orders.CreateAsync(new WorkOrderDraft { RequestId = requestId, Location = RepairLocation.InUnit, Category = RepairCategory.Water, Description = "The kitchen tap leaks", Urgency = RepairUrgency.Emergency })).Order!;
            var engineer = (await orders.EngineersAsync()).Single();
            // An emergency may be booked at any hour, so a window starting a minute from now is always allowed.
            var start = DateTimeOffset.UtcNow.AddMinutes(1);
            day = DateOnly.FromDateTime(start.ToOffset(TimeSpan.FromHours(8)).DateTime);
            // The class's tests share the app and its one engineer: their visits "soon" overlap, which the clerk accepts.
            var result = await orders.ScheduleAsync(order.Id, order.Version, new AppointmentDraft
            {
                WindowStart = start, WindowEnd = start.AddHours(1), WorkContent = "Replace the washer", ExpectedMinutes = 30, EngineerId = engineer.Id, AcceptOverlap = true,
            });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            id = order.Id;
        });
        return (id, day);
    }

    /// <summary>A work order to schedule for the call, as the clerk raises it.</summary>
    private async Task<int> CreateOrderAsync(int requestId)
    {
        var id = 0;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            var created = await sp.GetRequiredService<WorkOrderService>().CreateAsync(new WorkOrderDraft { RequestId = requestId, Location = RepairLocation.InUnit, Category = RepairCategory.Electricity, Description = "The hall light flickers" });
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            id = created.Order!.Id;
        });
        return id;
    }

    private static ILocator Field(IPage page, string testId, string element = "input") =>
        page.Locator($"{element}[data-testid={testId}], [data-testid={testId}] {element}").First;

    private async Task<int> LogRepairCallAsync()
    {
        var id = 0;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var unit = db.Units.OrderBy(u => u.Id).Select(u => new { u.Id, u.Building!.EstateId }).First();
            var result = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
            {
                EstateId = unit.EstateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
                UnitId = unit.Id, CallerName = "Ms Lin", Phone = "13800000000", Content = "The kitchen tap leaks",
            });
            Assert.True(result.Succeeded);
            id = result.Request!.Id;
        });
        return id;
    }
}

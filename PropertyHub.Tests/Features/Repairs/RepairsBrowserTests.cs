using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// A repair from the call to the close, in a browser: the clerk creates the work order and books the appointment, the
/// engineer records his visit and the occupant's acceptance, the clerk's open page follows each step live, and the
/// repair closes only after the follow-up call is recorded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RepairsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [BrowserFact]
    public async Task Repair_ClerkBooks_EngineerVisits_ClerkFollowsUpAndCloses()
    {
        var baseUrl = factory.BaseUrl;
        var requestId = await LogRepairCallAsync();

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

        await using var engineerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var engineer = await engineerContext.NewPageAsync();
        await engineer.SignInAsync(baseUrl, SignIn.DemoEmail(Roles.Engineer), DemoUsers.Password);
        await engineer.GotoAsync(orderUrl);
        await engineer.WaitForInteractiveAsync();
        await engineer.Locator("[data-testid=visit-arrived]").ClickAsync();
        // The clerk's page follows without a reload.
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.InProgress));
        await Field(engineer, "visit-work-done", "textarea").FillAsync("Replaced the washer");
        await engineer.Locator("[data-testid=visit-finish]").ClickAsync();
        await engineer.Locator("[data-testid=acceptance-satisfied]").ClickAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=work-order-state]")).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Completed));
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Completed));

        await clerk.Locator("[data-testid=follow-up-save]").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.FollowedUp));
        await clerk.Locator("[data-testid=work-order-close]").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-status", nameof(WorkOrderStatus.Closed));
        await Assertions.Expect(clerk.Locator("[data-testid=timeline-entry][data-kind=WorkOrder]")).ToHaveCountAsync(7);
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "repair-closed.png"), FullPage = true });

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(RequestStatus.Closed, (await db.ServiceRequests.FindAsync(requestId))!.Status);
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

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>The queue page with the app's real services and bus: it follows events without re-navigation.</summary>
public sealed class QueuePageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task WithPageAsync(string role, string? department, Func<IRenderedComponent<QueuePage>, IServiceProvider, Task> test,
        string? userId = null)
    {
        await factory.AsAsync(role, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddLogging();
            ctx.Services.AddSingleton(sp.GetRequiredService<QueueQueries>());
            ctx.Services.AddSingleton(sp.GetRequiredService<ReceptionService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<IWorkQueueEvents>());
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(sp.GetRequiredService<TimeProvider>());
            var auth = ctx.AddAuthorization();
            auth.SetAuthorized(role);
            auth.SetAccess(role);
            if (userId is not null)
                auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId));
            if (department is not null)
                ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/reception/queue?department=" + department);
            var page = ctx.Render<QueuePage>();
            await test(page, sp);
        });
    }

    private static IReadOnlyList<int> RowIds(IRenderedComponent<QueuePage> page) =>
        page.FindAll("[data-testid=queue-row]").Select(r => int.Parse(r.GetAttribute("data-request-id")!)).ToList();

    [Fact]
    public Task QueuePage_ComplaintLoggedElsewhere_AppearsLiveCountingFromSeventyTwoHours() => WithPageAsync(Roles.Supervisor, null, async (page, _) =>
    {
        var before = RowIds(page);

        var complaint = await factory.LogComplaintAsync("Water is leaking from the ceiling of the lobby.");

        page.WaitForAssertion(() => Assert.Contains(complaint.Id, RowIds(page)), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(complaint.Id, before);
        var row = page.Find($"[data-testid=queue-row][data-request-id='{complaint.Id}']");
        Assert.Contains("queue-row-new", row.ClassList);
        Assert.Contains("Water is leaking", row.TextContent);
        var countdown = row.QuerySelector("[data-testid=countdown]")!;
        Assert.Matches(@"^(72:00:00|71:5\d:\d\d)$", countdown.TextContent);
        Assert.Equal("normal", countdown.GetAttribute("data-band"));
        Assert.Equal((before.Count + 1).ToString(), page.Find("[data-testid=counter-open]").TextContent.Trim());
    });

    [Fact]
    public Task QueuePage_ItemClosedElsewhere_LeavesTheQueueLive() => WithPageAsync(Roles.Manager, null, async (page, sp) =>
    {
        var complaint = await factory.LogComplaintAsync("Noise from the gym after 22:00.");
        page.WaitForAssertion(() => Assert.Contains(complaint.Id, RowIds(page)), TimeSpan.FromSeconds(10));

        var closed = await sp.GetRequiredService<ReceptionService>().ReplyAsync(complaint.Id, complaint.Version, "We spoke to the gym.", Channel.ServiceLine);

        Assert.True(closed.Succeeded);
        page.WaitForAssertion(() => Assert.DoesNotContain(complaint.Id, RowIds(page)), TimeSpan.FromSeconds(10));
    });

    [Fact]
    public Task QueuePage_StaleVersionInTheDrawer_ShowsTheConflictAndTheFreshRecord() => WithPageAsync(Roles.Supervisor, null, async (page, sp) =>
    {
        var complaint = await factory.LogComplaintAsync("The car park gate does not open.");
        page.WaitForAssertion(() => Assert.Contains(complaint.Id, RowIds(page)), TimeSpan.FromSeconds(10));
        page.Find($"[data-testid=queue-row][data-request-id='{complaint.Id}']").Click();
        page.WaitForAssertion(() => Assert.Equal(complaint.Id.ToString(), page.Find("[data-testid=drawer-request]").GetAttribute("data-request-id")));
        var seen = int.Parse(page.Find("[data-testid=drawer-request]").GetAttribute("data-version")!);

        // Someone else adds a note first.
        Assert.True((await sp.GetRequiredService<ReceptionService>().AddNoteAsync(complaint.Id, seen, "Called the gate company.")).Succeeded);
        page.Find("input[data-testid=note-text]").Change("Second note on the old version");
        await page.Find("button[data-testid=action-note]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("changed", page.Find("[data-testid=drawer-message]").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((seen + 1).ToString(), page.Find("[data-testid=drawer-request]").GetAttribute("data-version"));
        Assert.Contains(page.FindAll("[data-testid=timeline-entry]"), e => e.TextContent.Contains("Called the gate company."));
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.TimelineEntries.AnyAsync(t => t.ServiceRequestId == complaint.Id && t.Text == "Second note on the old version"));
        Assert.Equal("Second note on the old version", page.Find("input[data-testid=note-text]").GetAttribute("value"));
    });

    [Fact]
    public Task QueuePage_EngineerWithDepartment_SeesTransferredItemsReadOnly() => WithPageAsync(Roles.Engineer, "Engineering", async (page, sp) =>
    {
        var complaint = await factory.LogComplaintAsync("The water pump is loud at night.");
        await using (var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            complaint = await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == complaint.Id);
        await factory.AsAsync(Roles.Supervisor, s => s.GetRequiredService<ReceptionService>().TransferAsync(complaint.Id, complaint.Version, Department.Engineering, "Pump room"));

        page.WaitForAssertion(() => Assert.Contains(complaint.Id, RowIds(page)), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("[data-testid=queue-readonly]"));
        page.Find($"[data-testid=queue-row][data-request-id='{complaint.Id}']").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=drawer-timeline]")));
        Assert.Empty(page.FindAll("[data-testid=drawer-actions]"));
    });

    [Fact]
    public Task QueuePage_EngineerWithoutDepartmentInTheAddress_OpensOnEngineering() => WithPageAsync(Roles.Engineer, null, async (page, _) =>
    {
        var ours = await TransferredAsync("The pump in building 2 hums.", Department.Engineering);
        var theirs = await TransferredAsync("The receipt shows the wrong month.", Department.Finance);

        Assert.Empty(page.FindAll("[data-testid=choose-department]"));
        page.WaitForAssertion(() => Assert.Contains(ours, RowIds(page)), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(theirs, RowIds(page));
    });

    /// <summary>A complaint the supervisor transferred to a department.</summary>
    private async Task<int> TransferredAsync(string content, Department department)
    {
        var complaint = await factory.LogComplaintAsync(content);
        await factory.AsAsync(Roles.Supervisor, s => s.GetRequiredService<ReceptionService>().TransferAsync(complaint.Id, complaint.Version, department, null));
        return complaint.Id;
    }

    [Fact]
    public Task QueuePage_ClerkWithoutADepartment_IsAskedToChooseOne() => WithPageAsync(Roles.Clerk, null, (page, _) =>
    {
        Assert.NotEmpty(page.FindAll("[data-testid=choose-department]"));
        Assert.Empty(page.FindAll("[data-testid=queue-row]"));
        return Task.CompletedTask;
    });

    [Fact]
    public async Task QueuePage_ClerkWhoseUserWorksInSecurity_OpensOnSecurity()
    {
        string userId = null!;
        await factory.AsAsync(Roles.Admin, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            userId = (await users.FindByEmailAsync(SignIn.DemoEmail(Roles.Clerk)))!.Id;
            Assert.True((await sp.GetRequiredService<UserAdministration>().SetDepartmentAsync(userId, Department.Security)).Succeeded);
        });
        try
        {
            await WithPageAsync(Roles.Clerk, null, async (page, _) =>
            {
                var ours = await TransferredAsync("The gate barrier is stuck open.", Department.Security);
                var theirs = await TransferredAsync("A lamp is out on floor 3.", Department.Engineering);

                Assert.Empty(page.FindAll("[data-testid=choose-department]"));
                page.WaitForAssertion(() => Assert.Contains(ours, RowIds(page)), TimeSpan.FromSeconds(10));
                Assert.DoesNotContain(theirs, RowIds(page));
            }, userId);
        }
        finally
        {
            await factory.AsAsync(Roles.Admin, sp => sp.GetRequiredService<UserAdministration>().SetDepartmentAsync(userId, null));
        }
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;

namespace PropertyHub.Tests.Features.Reception;

public sealed class WallboardTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public Task Wallboard_NewComplaints_CountedLiveAndAtMostTenListed() => factory.AsAsync(Roles.Supervisor, async sp =>
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(sp.GetRequiredService<QueueQueries>());
        ctx.Services.AddSingleton(sp.GetRequiredService<IWorkQueueEvents>());
        ctx.Services.AddSingleton(sp.GetRequiredService<TimeProvider>());
        ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Settings.EstateTime>());
        var board = ctx.Render<WallboardPage>();
        Assert.Equal("0", board.Find("[data-testid=wallboard-open]").TextContent);

        for (var i = 0; i < 12; i++)
            await factory.LogComplaintAsync($"Complaint number {i}");

        board.WaitForAssertion(() => Assert.Equal("12", board.Find("[data-testid=wallboard-open]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(WallboardPage.Size, board.FindAll("[data-testid=wallboard-row]").Count);
    });

    [Fact]
    public Task Wallboard_DepartmentInTheAddress_ShowsItsItemsTheFilterInWordsAndTheEstateClock() => factory.AsAsync(Roles.Supervisor, async sp =>
    {
        var engineering = await factory.LogComplaintAsync("The pump hums at night.");
        await factory.AsAsync(Roles.Supervisor, s => s.GetRequiredService<ReceptionService>()
            .TransferAsync(engineering.Id, engineering.Version, Department.Engineering, null));
        var other = await factory.LogComplaintAsync("Stays with customer service.");
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(sp.GetRequiredService<QueueQueries>());
        ctx.Services.AddSingleton(sp.GetRequiredService<IWorkQueueEvents>());
        ctx.Services.AddSingleton(sp.GetRequiredService<TimeProvider>());
        ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Settings.EstateTime>());
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/reception/wallboard?department=Engineering");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");

        var board = ctx.Render<WallboardPage>();

        var rows = board.FindAll("[data-testid=wallboard-row]").Select(r => int.Parse(r.GetAttribute("data-request-id")!)).ToList();
        Assert.Contains(engineering.Id, rows);
        Assert.DoesNotContain(other.Id, rows);
        Assert.Contains("department: Engineering", board.Find("[data-testid=wallboard-filter]").TextContent);
        var clock = board.Find("[data-testid=wallboard-clock]");
        Assert.Equal("480", clock.GetAttribute("data-offset"));
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", clock.TextContent);
        Assert.NotEmpty(board.FindAll("[data-testid=due-at]"));
    });
}

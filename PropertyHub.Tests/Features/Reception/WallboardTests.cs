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
        var board = ctx.Render<WallboardPage>();
        Assert.Equal("0", board.Find("[data-testid=wallboard-open]").TextContent);

        for (var i = 0; i < 12; i++)
            await factory.LogComplaintAsync($"Complaint number {i}");

        board.WaitForAssertion(() => Assert.Equal("12", board.Find("[data-testid=wallboard-open]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(WallboardPage.Size, board.FindAll("[data-testid=wallboard-row]").Count);
    });
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

public sealed class OccupantSearchBoxTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task WithSearchBoxAsync(Func<IRenderedComponent<OccupantSearchBox>, NavigationManager, Occupant, Task> test)
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().Where(o => o.Phone != null).OrderBy(o => o.Id).Skip(30).FirstAsync();
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(registry);
            var box = ctx.Render<OccupantSearchBox>();
            await test(box, ctx.Services.GetRequiredService<NavigationManager>(), occupant);
        });
    }

    [Fact]
    public Task OccupantSearchBox_TypePhone_ListsTheOccupantAsALinkToItsUnit() => WithSearchBoxAsync((box, _, occupant) =>
    {
        box.Find("input[data-testid='occupant-search']").Input(occupant.Phone);
        box.WaitForAssertion(() =>
        {
            var hit = Assert.Single(box.FindAll("[data-testid='search-hit']"));
            Assert.Equal($"/units/{occupant.UnitId}", hit.GetAttribute("href"));
            Assert.Contains(occupant.Name, hit.TextContent);
        }, TimeSpan.FromSeconds(10));
        return Task.CompletedTask;
    });

    [Fact]
    public Task OccupantSearchBox_EnterAfterTyping_OpensFirstHit() => WithSearchBoxAsync((box, navigation, occupant) =>
    {
        var input = box.Find("input[data-testid='occupant-search']");
        input.Input(occupant.Phone);
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });
        box.WaitForAssertion(() => Assert.EndsWith($"/units/{occupant.UnitId}", navigation.Uri), TimeSpan.FromSeconds(10));
        return Task.CompletedTask;
    });

    [Fact]
    public Task OccupantSearchBox_EnterArrivesBeforeTheText_StillOpensItsFirstHit() => WithSearchBoxAsync((box, navigation, occupant) =>
    {
        box.Find("input[data-testid='occupant-search']").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        box.Find("input[data-testid='occupant-search']").Input(occupant.Phone);
        box.WaitForAssertion(() => Assert.EndsWith($"/units/{occupant.UnitId}", navigation.Uri), TimeSpan.FromSeconds(10));
        return Task.CompletedTask;
    });
}

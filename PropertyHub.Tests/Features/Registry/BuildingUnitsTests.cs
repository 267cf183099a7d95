using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>A building's units a page at a time, in natural order, filtered on the server.</summary>
public sealed class BuildingUnitsTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int building2;
    private int demoBuilding;

    public async Task InitializeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var estateId = await OrderEstate.SeedAsync(db);
        building2 = await db.Buildings.Where(b => b.EstateId == estateId && b.Code == "2").Select(b => b.Id).SingleAsync();
        demoBuilding = await db.Buildings.Where(b => b.EstateId != estateId && b.Code == "1").Select(b => b.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Units_SecondPageNaturally_FilterByNumberOrOccupant_TotalCountsTheFilter()
    {
        Slice<UnitRow> second = null!, backwards = null!, byOccupant = null!, byNumber = null!, none = null!, demo = null!;
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            second = await registry.GetUnitsAsync(building2, null, new PageRequest(1, 2));
            backwards = await registry.GetUnitsAsync(building2, null, new PageRequest(0, 2, Descending: true));
            byOccupant = await registry.GetUnitsAsync(building2, "业主2-1001", new PageRequest(0, 25));
            byNumber = await registry.GetUnitsAsync(building2, " 10 ", new PageRequest(0, 25));
            none = await registry.GetUnitsAsync(building2, "9999", new PageRequest(0, 25));
            demo = await registry.GetUnitsAsync(demoBuilding, null, new PageRequest(25, 25));
        });

        Assert.Equal(["102", "201"], second.Rows.Select(u => u.Number));
        Assert.Equal(4, second.Total);
        Assert.Equal(["1001", "201"], backwards.Rows.Select(u => u.Number));
        Assert.Equal(["1001"], byOccupant.Rows.Select(u => u.Number));
        Assert.Equal(["101", "102", "1001"], byNumber.Rows.Select(u => u.Number));
        Assert.Equal(0, none.Total);
        // The demo building: 20 floors of five; the second page of 25 starts on floor 6.
        Assert.Equal(100, demo.Total);
        Assert.Equal(["601", "602", "603", "604", "605"], demo.Rows.Take(5).Select(u => u.Number));
    }

    [Fact]
    public async Task Grid_OnePageOfTheDemoBuilding_FilteredToNothing_SaysSo()
    {
        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Clerk, async (registry, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(registry);
            ctx.AddAuthorization().SetAuthorized(Roles.Clerk).SetAccess(Roles.Clerk);
            var node = (await registry.GetEstateTreeAsync()).SelectMany(e => e.Buildings).Single(b => b.Id == demoBuilding);
            var grid = ctx.Render<BuildingUnits>(p => p.Add(b => b.Building, node));

            grid.WaitForAssertion(() => Assert.Equal(25, grid.FindAll("[data-testid=units-grid-unit]").Count));
            Assert.Equal("1-101", grid.FindAll("[data-testid=units-grid-unit]")[0].TextContent.Trim());
            grid.Find("input").Input("no such unit");

            // The filter waits 300 ms for the typing to stop.
            grid.WaitForAssertion(() => Assert.Equal("No units of this building match the filter.", grid.Find("[data-testid=units-none]").TextContent.Trim()),
                TimeSpan.FromSeconds(5));
            Assert.Empty(grid.FindAll("[data-testid=units-grid-unit]"));
        }));
    }
}

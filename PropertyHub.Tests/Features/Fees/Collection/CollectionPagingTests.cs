using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>
/// The collection tasks read a page at a time: six units entered out of order, each billed 300.00 for October and November
/// (2-201's November half paid: 150.00 outstanding), so twelve tasks.
/// </summary>
public sealed class CollectionPagingTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private Dictionary<string, int> buildings = [];

    /// <summary>The tasks in natural unit order, then month.</summary>
    private static readonly IReadOnlyList<string> Natural =
        [.. OrderEstate.Natural.SelectMany(u => new[] { u + " 2026-10", u + " 2026-11" })];

    public async Task InitializeAsync()
    {
        await using var db = await factory.DbAsync();
        var estateId = await OrderEstate.SeedAsync(db);
        var units = await db.Units.Include(u => u.Building).Include(u => u.Occupants).Where(u => u.Building!.EstateId == estateId).ToListAsync();
        foreach (var unit in units)
        {
            foreach (var month in new[] { CollectionTesting.October, CollectionTesting.November })
            {
                var paid = unit.Building!.Code == "2" && unit.Number == "201" && month == CollectionTesting.November ? 150m : 0m;
                db.PaymentRequests.Add(CollectionTesting.Request(estateId, unit.BuildingId, unit.Id, unit.Occupants[0].Id, month, 300m, paid));
            }
        }
        await db.SaveChangesAsync();
        buildings = units.Select(u => u.Building!).DistinctBy(b => b.Id).ToDictionary(b => b.Code, b => b.Id);
        Assert.Equal(12, await factory.CreateTasksAsync());
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<T> AsFinanceAsync<T>(Func<CollectionService, Task<T>> read)
    {
        T result = default!;
        await factory.AsAsync(Roles.Finance, async sp => result = await read(sp.GetRequiredService<CollectionService>()));
        return result;
    }

    private static IEnumerable<string> Shown(Slice<CollectionRow> slice) => slice.Rows.Select(r => $"{r.Unit} {r.Month:yyyy-MM}");

    [Fact]
    public async Task Page_SecondPageInNaturalUnitOrder_TotalCountsTheWholeFilter()
    {
        var second = await AsFinanceAsync(s => s.PageAsync(new CollectionFilter(), new PageRequest(4, 4)));
        var backwards = await AsFinanceAsync(s => s.PageAsync(new CollectionFilter(), new PageRequest(0, 3, "unit", Descending: true)));
        var building10 = await AsFinanceAsync(s => s.PageAsync(new CollectionFilter(BuildingId: buildings["10"]), new PageRequest(2, 2)));
        var byMonth = await AsFinanceAsync(s => s.PageAsync(new CollectionFilter(), new PageRequest(0, 6, CollectionService.SortByMonth)));

        Assert.Equal(Natural.Skip(4).Take(4), Shown(second));
        Assert.Equal(12, second.Total);
        Assert.Equal(["10-1001", "10-1001", "10-101"], backwards.Rows.Select(r => r.Unit));
        Assert.Equal(["10-1001 2026-10", "10-1001 2026-11"], Shown(building10));
        Assert.Equal(4, building10.Total);
        Assert.All(byMonth.Rows, r => Assert.Equal(CollectionTesting.October, r.Month));
        Assert.Equal(150m, second.Rows.Single(r => r.Unit == "2-201" && r.Month == CollectionTesting.November).Outstanding);
    }

    [Fact]
    public async Task Buildings_CountsAndOutstandingOverTheWholeFilter_NaturalBuildingOrder()
    {
        await AssignAsync(["2-101", "2-102"], Roles.Clerk);

        var all = await AsFinanceAsync(s => s.BuildingsAsync(new CollectionFilter()));
        var unassigned = await AsFinanceAsync(s => s.BuildingsAsync(new CollectionFilter(CollectionStatus.Open, UnassignedOnly: true)));
        var unassignedPage = await AsFinanceAsync(s => s.PageAsync(new CollectionFilter(CollectionStatus.Open, UnassignedOnly: true), new PageRequest(0, 2)));

        Assert.Equal(["2", "10"], all.Select(b => b.Code));
        Assert.Equal((8, 4, 8 * 300m - 150m), (all[0].Open, all[0].Unassigned, all[0].Outstanding));
        Assert.Equal((4, 4, 1200m), (all[1].Open, all[1].Unassigned, all[1].Outstanding));
        Assert.Equal((4, 1050m), (unassigned[0].Open, unassigned[0].Outstanding));
        Assert.Equal(8, unassignedPage.Total);
        Assert.Equal(["2-201 2026-10", "2-201 2026-11"], Shown(unassignedPage));
    }

    [Fact]
    public async Task AssignBuilding_AllItsOpenTasksUnderTheFilter_OrNothingWhenTheyChangedMeanwhile()
    {
        var clerk = await UserIdAsync(Roles.Clerk);
        var stale = await AsFinanceAsync(s => s.AssignBuildingAsync(buildings["10"], new CollectionFilter(CollectionStatus.Open), 3, clerk));
        var assigned = await AsFinanceAsync(s => s.AssignBuildingAsync(buildings["10"], new CollectionFilter(CollectionStatus.Open), 4, clerk));

        Assert.True(stale.Conflict);
        Assert.Equal(4, assigned.Count);
        await using var db = await factory.DbAsync();
        var tasks = await db.CollectionTasks.AsNoTracking().ToListAsync();
        Assert.All(tasks.Where(t => t.BuildingId == buildings["10"]), t => Assert.Equal(clerk, t.AssignedToId));
        Assert.All(tasks.Where(t => t.BuildingId == buildings["2"]), t => Assert.Null(t.AssignedToId));
    }

    [Fact]
    public async Task Mine_OnePageAtATimeInNaturalOrder_OutstandingOfAUnitOverAllPages()
    {
        await AssignAsync([.. OrderEstate.Natural], Roles.Clerk);

        Slice<CollectionRow> second = null!;
        decimal owed = 0;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            var service = sp.GetRequiredService<CollectionService>();
            second = await service.MineAsync(new PageRequest(3, 3));
            owed = await service.MineOutstandingAsync(second.Rows.First(r => r.Unit == "2-201").UnitId);
        });

        Assert.Equal(Natural.Skip(3).Take(3), Shown(second));
        Assert.Equal(12, second.Total);
        Assert.Equal(450m, owed);
    }

    private async Task<string> UserIdAsync(string role)
    {
        var id = "";
        await factory.WithScopeAsync(async sp => id = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(role)))!.Id);
        return id;
    }

    private async Task AssignAsync(IReadOnlyList<string> units, string role)
    {
        await using var db = await factory.DbAsync();
        var all = await db.Units.Where(u => u.Building!.Estate!.Name == OrderEstate.Name)
            .Select(u => new { u.Id, Address = u.Building!.Code + "-" + u.Number }).ToListAsync();
        foreach (var unit in all.Where(u => units.Contains(u.Address)))
            await factory.AssignUnitAsync(unit.Id, role);
    }
}

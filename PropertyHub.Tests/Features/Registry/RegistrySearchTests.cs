using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

public sealed class RegistrySearchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<Occupant> DemoOccupantAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Occupants.AsNoTracking().Include(o => o.Unit!).ThenInclude(u => u.Building)
            .Where(o => o.Kind == OccupantKind.Person && o.Phone != null).OrderBy(o => o.Id).Skip(42).FirstAsync();
    }

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(string query)
    {
        IReadOnlyList<SearchHit> hits = [];
        await factory.AsAsync(Roles.Clerk, async registry => hits = await registry.SearchAsync(query));
        return hits;
    }

    [Fact]
    public async Task Search_FullPhone_FindsTheOccupant()
    {
        var occupant = await DemoOccupantAsync();
        var hit = Assert.Single(await SearchAsync(occupant.Phone!));
        Assert.Equal(occupant.Id, hit.OccupantId);
        Assert.Equal(occupant.UnitId, hit.UnitId);
    }

    [Fact]
    public async Task Search_PartOfPhone_FindsTheOccupant()
    {
        var occupant = await DemoOccupantAsync();
        var hits = await SearchAsync(occupant.Phone![4..]);
        Assert.Contains(hits, h => h.OccupantId == occupant.Id);
        Assert.All(hits, h => Assert.Contains(occupant.Phone[4..], h.Phone));
    }

    [Fact]
    public async Task Search_UnitNumber_FindsThatUnitInEveryBuilding()
    {
        var occupant = await DemoOccupantAsync();
        var hits = await SearchAsync(occupant.Unit!.Number);
        Assert.Contains(hits, h => h.OccupantId == occupant.Id);
        Assert.Equal(["1", "2", "3"], hits.Where(h => h.UnitNumber == occupant.Unit.Number).Select(h => h.BuildingCode).Distinct().Order());
    }

    [Fact]
    public async Task Search_BuildingCodeAndNumber_FindsOnlyThatBuilding()
    {
        var occupant = await DemoOccupantAsync();
        var hits = await SearchAsync($"{occupant.Unit!.Building!.Code}-{occupant.Unit.Number}");
        Assert.Contains(hits, h => h.OccupantId == occupant.Id);
        Assert.All(hits, h => Assert.Equal((occupant.Unit.Building.Code, occupant.Unit.Number), (h.BuildingCode, h.UnitNumber)));
    }

    [Fact]
    public async Task Search_Name_FindsTheOccupant()
    {
        await using var db = await factory.CreateDbContextAsync();
        // A name only one occupant has, so the limit on hits cannot hide it.
        var name = await db.Occupants.GroupBy(o => o.Name).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(n => n).FirstAsync();
        var occupantId = await db.Occupants.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
        var hits = await SearchAsync(name);
        Assert.Contains(hits, h => h.OccupantId == occupantId && h.OccupantName == name);
    }

    [Fact]
    public async Task Search_CommonPrefix_ReturnsAtMostTheLimit()
    {
        var hits = await SearchAsync("139");
        Assert.Equal(RegistryService.MaxHits, hits.Count);
    }

    [Fact]
    public async Task Search_Nothing_ReturnsNoHits()
    {
        Assert.Empty(await SearchAsync("   "));
        Assert.Empty(await SearchAsync("不存在的业户名"));
    }
}

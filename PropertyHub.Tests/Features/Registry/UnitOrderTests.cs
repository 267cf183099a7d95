using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>
/// Units sorted and paged by the database in the order people count them (building 2 before 10, 1-101 before 1-1001), on
/// SQLite and on PostgreSQL, directly and through a row's unit.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UnitOrderTests(PostgresServer server)
{
    [Fact]
    public async Task Sqlite_UnitsAndRowsThroughTheirUnit_NaturalOrderAndPages()
    {
        await using var factory = new AppFactory();
        await AssertNaturalOrderAsync(factory);
    }

    [PostgresFact]
    public async Task Postgres_UnitsAndRowsThroughTheirUnit_NaturalOrderAndPages()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("unit_order_" + Guid.NewGuid().ToString("N")[..8]),
        };
        await using (var db = await factory.CreateDbContextAsync())
            Assert.IsType<PostgresDbContext>(db);
        await AssertNaturalOrderAsync(factory);
    }

    private static async Task AssertNaturalOrderAsync(AppFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var estateId = await OrderEstate.SeedAsync(db);
        var units = db.Units.AsNoTracking().Where(u => u.Building!.EstateId == estateId);
        var owners = db.Occupants.AsNoTracking().Where(o => o.Unit!.Building!.EstateId == estateId);

        var natural = await units.OrderNaturally().Select(u => u.Building!.Code + "-" + u.Number).ToListAsync();
        var throughUnit = await owners.OrderNaturallyBy(o => o.Unit!).Select(o => o.Name).ToListAsync();
        var backwards = await owners.OrderNaturallyBy(o => o.Unit!, descending: true).Select(o => o.Name).ToListAsync();
        var secondPage = await units.OrderNaturally().Select(u => u.Building!.Code + "-" + u.Number).ToSliceAsync(new PageRequest(2, 2));

        Assert.Equal(OrderEstate.Natural, natural);
        Assert.Equal(OrderEstate.Natural.Select(u => "业主" + u), throughUnit);
        Assert.Equal(OrderEstate.Natural.Reverse().Select(u => "业主" + u), backwards);
        Assert.Equal(OrderEstate.Natural.Skip(2).Take(2), secondPage.Rows);
        Assert.Equal(OrderEstate.Natural.Count, secondPage.Total);
    }
}

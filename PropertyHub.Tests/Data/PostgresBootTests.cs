using System.Net;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBootTests(PostgresServer server)
{
    [PostgresFact]
    public async Task App_RealPostgres_MigratesSeedsSignsInAndIsReady()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("boot_" + Guid.NewGuid().ToString("N")[..8]),
        };

        var client = await factory.ClientForRoleAsync(Roles.Supervisor);
        var home = await client.GetAsync("/");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        await using var db = await factory.CreateDbContextAsync();
        Assert.IsType<PostgresDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(300, await db.Units.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Unit"));
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

using PropertyHub.Features.Accounts;
namespace PropertyHub.Tests.Data;

public sealed class SqliteBootTests
{
    [Fact]
    public async Task App_FreshSqliteFile_MigratesSeedsAndIsReady()
    {
        await using var factory = new AppFactory();
        var client = factory.NewClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(300, await db.Units.CountAsync());
        Assert.Equal(DemoUsers.All.Count, await db.Users.CountAsync());
    }

    [Fact]
    public async Task App_DemoSeedOff_HasRolesButNoDemoData()
    {
        await using var factory = new AppFactory { SeedDemo = false };
        _ = factory.NewClient();

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task App_Production_NeverSeedsDemoData()
    {
        await using var factory = new ProductionFactory();
        _ = factory.NewClient();

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    private sealed class ProductionFactory : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}

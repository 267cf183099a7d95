using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PropertyHub.Features.Accounts;
using PropertyHub.Data;

namespace PropertyHub.Tests.Data;

/// <summary>The PostgreSQL rights the README asks a DBA for are enough, and the obvious grant is not (PostgreSQL 15+).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRightsTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Migrations_RoleWithOnlyGrantAllOnDatabase_RefusedOnSchemaPublic()
    {
        var (database, role) = await CreateDatabaseAndRoleAsync(grantSchema: false);

        await using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(AsRole(database, role)).Options);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.MigrateAsync());

        Assert.Equal("42501", refused.SqlState);
        Assert.Equal(StartupProblem.Credentials, StartupErrors.Classify(refused));
    }

    [PostgresFact]
    public async Task App_RoleWithTheDocumentedRights_MigratesSeedsAndIsReady()
    {
        var (database, role) = await CreateDatabaseAndRoleAsync(grantSchema: true);

        await using var factory = new AppFactory { Provider = DatabaseProvider.Postgres, ConnectionString = AsRole(database, role) };
        var ready = await factory.NewClient().GetAsync("/health/ready");

        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(DemoUsers.All.Count, await db.Users.CountAsync());
        Assert.Single(await db.DataProtectionKeys.ToListAsync());
    }

    private string AsRole(string database, string role) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString(database)) { Username = role, Password = "app-Passw0rd" }.ConnectionString;

    /// <summary>As the DBA: a login role, a database it does not own, and the grants of the README.</summary>
    private async Task<(string Database, string Role)> CreateDatabaseAndRoleAsync(bool grantSchema)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (database, role) = ("rights_" + suffix, "app_" + suffix);
        await using (var admin = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"CREATE ROLE {role} LOGIN PASSWORD 'app-Passw0rd'");
            await ExecuteAsync(admin, $"CREATE DATABASE {database}");
            await ExecuteAsync(admin, grantSchema
                ? $"GRANT CONNECT, TEMPORARY, CREATE ON DATABASE {database} TO {role}"
                : $"GRANT ALL ON DATABASE {database} TO {role}");
        }
        if (grantSchema)
        {
            await using var admin = new NpgsqlConnection(server.ConnectionString(database));
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"GRANT USAGE, CREATE ON SCHEMA public TO {role}");
        }
        return (database, role);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

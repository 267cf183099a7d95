using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Data;

/// <summary>Several instances starting at the same moment on one database: one migrates and seeds, the others wait.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentStartupTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Startup_ThreeInstancesOnOneEmptyPostgresDatabase_AllReadyWithOneSetOfSeedData()
    {
        var database = "together_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        await ThreeOnPostgresAsync(server.ConnectionString(database));
    }

    [PostgresFact]
    public async Task Startup_ThreeInstancesWherePostgresDatabaseDoesNotExistYet_OneCreatesItAllReady() =>
        await ThreeOnPostgresAsync(server.ConnectionString("together_new_" + Guid.NewGuid().ToString("N")[..8]));

    private static async Task ThreeOnPostgresAsync(string connectionString)
    {
        var factories = Enumerable.Range(0, 3)
            .Select(_ => new AppFactory { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString })
            .ToList();
        try
        {
            await AssertAllStartAndSeedOnceAsync(factories);
        }
        finally
        {
            foreach (var factory in factories)
                await factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task Startup_ThreeInstancesOnOneNewSqliteFile_AllReadyWithOneSetOfSeedData()
    {
        var folder = Path.Combine(Path.GetTempPath(), "propertyhub-together-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "shared.db")}";
        var factories = Enumerable.Range(0, 3).Select(_ => new AppFactory { ConnectionString = connectionString }).ToList();
        try
        {
            await AssertAllStartAndSeedOnceAsync(factories);
        }
        finally
        {
            foreach (var factory in factories)
                await factory.DisposeAsync();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [PostgresFact]
    public async Task MigrateCommand_WhileAnotherInstanceHoldsTheStartupLock_WaitsThenMigrates()
    {
        var connectionString = server.ConnectionString("migrate_wait_" + Guid.NewGuid().ToString("N")[..8]);
        await using var serving = new AppFactory { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString, SeedDemo = false };
        Assert.Equal(HttpStatusCode.OK, (await serving.NewClient().GetAsync("/health/ready")).StatusCode);

        // Another instance in the middle of its start: it holds the lock.
        var held = await StartupLock.AcquireAsync(DatabaseProvider.Postgres, connectionString, NullLogger.Instance, CancellationToken.None);
        Task<int?> migrate;
        try
        {
            migrate = CommandLine.RunCommandAsync(serving.Services, ["--migrate"], _ => "");
            await WaitForAsync(async () => await WaitingForAdvisoryLockAsync(connectionString) == 1, "the --migrate run to wait for the start-up lock");
            Assert.False(migrate.IsCompleted);
        }
        finally
        {
            await held.DisposeAsync();
        }

        Assert.Equal(0, await migrate.WaitAsync(TimeSpan.FromMinutes(2)));
        await using var db = await serving.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [PostgresFact]
    public async Task MigrateCommand_FailingInsideTheLock_ReleasesIt()
    {
        var connectionString = server.ConnectionString("migrate_fail_" + Guid.NewGuid().ToString("N")[..8]);
        await using var serving = new AppFactory { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString, SeedDemo = false };
        _ = serving.NewClient();
        // Forget the last migration: applying it again fails inside the lock (what it creates or renames is done
        // already: a class 42 error, 42P07 for a table, 42703 for a renamed column).
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""", connection);
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        var failed = await Assert.ThrowsAsync<PostgresException>(() => CommandLine.RunCommandAsync(serving.Services, ["--migrate"], _ => ""));

        Assert.StartsWith("42", failed.SqlState, StringComparison.Ordinal);
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", other);
        tryLock.Parameters.AddWithValue("key", StartupLock.PostgresKey);
        Assert.True((bool)(await tryLock.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task MigrateCommand_FailingInsideTheSqliteLock_ReleasesIt()
    {
        await using var serving = new AppFactory { SeedDemo = false };
        _ = serving.NewClient();
        await using (var db = await serving.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""");

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => CommandLine.RunCommandAsync(serving.Services, ["--migrate"], _ => ""));

        string resolved;
        await using (var db = await serving.CreateDbContextAsync())
            resolved = db.Database.GetConnectionString()!;
        await using var again = await StartupLock.AcquireAsync(DatabaseProvider.Sqlite, resolved, NullLogger.Instance, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task AssertAllStartAndSeedOnceAsync(List<AppFactory> factories)
    {
        // Each factory starts its own host (its own service provider) on its own thread, all at once.
        var clients = await Task.WhenAll(factories.Select(f => Task.Run(() => f.NewClient())));
        foreach (var client in clients)
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        }

        await using var db = await factories[0].CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(DemoUsers.All.Select(u => u.Email).Order(), (await db.Users.Select(u => u.Email!).ToListAsync()).Order());
        Assert.Equal(DemoUsers.All.Count, await db.UserRoles.CountAsync());
        Assert.Equal(1, await db.Estates.CountAsync());
        Assert.Equal(300, await db.Units.CountAsync());
        Assert.Equal(1, await db.SurveyTemplates.CountAsync());
        Assert.Equal(3, await db.FeeItems.CountAsync());
        Assert.Equal(1, await db.Estates.Select(e => db.KnowledgeEntries.Count(k => k.EstateId == e.Id) > 0 ? 1 : 0).SumAsync());
        // One data-protection key, made under the lock by the first: each instance reads the others' cookies.
        Assert.Single(await db.DataProtectionKeys.ToListAsync());
        // Each instance signs in with the one set of users.
        foreach (var factory in factories)
            _ = await factory.ClientForRoleAsync(Roles.Clerk);
    }

    private static async Task<long> WaitingForAdvisoryLockAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(1));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(100);
        }
    }
}

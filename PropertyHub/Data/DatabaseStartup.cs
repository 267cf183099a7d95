using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Data;

/// <summary>Migrates the database and seeds what a fresh installation needs.</summary>
public sealed class DatabaseStartup(
    IDbContextFactory<AppDbContext> dbFactory,
    RoleManager<IdentityRole> roles,
    DemoUsers demoUsers,
    DemoEstate demoEstate,
    Features.Reception.Knowledge.DemoArchive demoArchive,
    Features.Reception.Demo.DemoReception demoReception,
    Features.Surveys.StandardSurveyTemplate surveyTemplate,
    Features.Fees.DemoFees demoFees,
    Features.Surveys.Statistics.DemoSurveys demoSurveys,
    IServiceProvider services,
    IHostEnvironment environment,
    IConfiguration configuration,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseStartup> logger)
{
    /// <summary>
    /// Everything a start needs from the database, under the start-up lock: migrations (unless switched off), roles,
    /// the standard survey form, demo data when on, Hangfire's schema, the first data-protection key and
    /// sealing personal links stored in the clear by older versions. Instances
    /// that start together wait for one another here; the lock is released however this ends.
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct = default)
    {
        using var ownRetries = StartupRetries.Suspend();
        await EnsureDatabaseExistsAsync(ct);
        await using (await AcquireLockAsync(ct))
        {
            if (options.Value.MigrateOnStartup)
                await MigrateUnlockedAsync(ct);
            await SeedAsync(ct);
            // Hangfire's storage prepares its own schema when first built (the dashboard builds it when mapped): do it now, after the app's migrations.
            _ = services.GetRequiredService<Hangfire.JobStorage>();
            // The first key of the ring, made by one instance only: the others read it instead of each making their own.
            services.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector("PropertyHub.Startup").Protect("ready");
            var (cleared, sealedLinks) = await Features.Notices.PlainLinks.SealOrClearAsync(dbFactory, services.GetRequiredService<Features.Notices.NoticeLinks>(), ct);
            if (cleared + sealedLinks > 0)
                logger.LogInformation("Personal links stored in the clear: {Cleared} cleared from sent notices, {Sealed} sealed", cleared, sealedLinks);
        }
    }

    /// <summary>Applies pending migrations under the start-up lock (the <c>--migrate</c> command).</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        using var ownRetries = StartupRetries.Suspend();
        await EnsureDatabaseExistsAsync(ct);
        await using (await AcquireLockAsync(ct))
            await MigrateUnlockedAsync(ct);
    }

    /// <summary>Takes the start-up lock of the configured database (waits while another instance holds it).</summary>
    public async Task<IAsyncDisposable> AcquireLockAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StartupLock.AcquireAsync(options.Value.Provider, db.Database.GetConnectionString()!, logger, ct);
    }

    // The lock lives in the database, so it must exist first. EF's migrator would create it too, but racing: here a
    // second creator takes "already exists" as done.
    private async Task EnsureDatabaseExistsAsync(CancellationToken ct)
    {
        if (options.Value.Provider == DatabaseProvider.Sqlite || !options.Value.MigrateOnStartup)
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
            return;
        try
        {
            await creator.CreateAsync(ct);
            logger.LogInformation("Created database {Database}", db.Database.GetDbConnection().Database);
        }
        catch (Exception e) when (e is Npgsql.PostgresException or Microsoft.Data.SqlClient.SqlException && StartupErrors.Classify(e) == StartupProblem.Other)
        {
            // Another instance created it at the same moment: PostgreSQL answers 42P04 or, racing, 23505 on
            // pg_database; SQL Server 1801. Whatever the code, the database being there now is what counts.
            for (var check = 0; !await creator.ExistsAsync(ct); check++)
            {
                if (check == 20)
                    throw;
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    private async Task MigrateUnlockedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging: readers no longer block the writer nor it them, so a clerk's save is not held up by
            // someone reading a long report, and a duty's batch does not make every page wait. Kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        logger.LogInformation("Database {Provider} migrated ({Count} migrations applied)", options.Value.Provider, pending.Count);
    }

    /// <summary>
    /// Demo data is on by default for the embedded SQLite database only, never in Production. On SQL Server and
    /// PostgreSQL it needs <c>Seed:Demo=true</c> given explicitly, in every environment.
    /// </summary>
    public bool DemoEnabled =>
        !environment.IsProduction() && configuration.GetValue("Seed:Demo", options.Value.Provider == DatabaseProvider.Sqlite);

    /// <summary>Seeds under the caller's start-up lock; roles and demo users also take their unique keys as "already there".</summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await DemoUsers.EnsureRolesAsync(roles, dbFactory, ct);
        await surveyTemplate.EnsureAsync(ct);
        if (!DemoEnabled)
            return;
        await demoUsers.SeedAsync(ct);
        await demoEstate.SeedAsync(ct);
        await demoArchive.SeedAsync(ct);
        await demoReception.SeedAsync(ct);
        await demoFees.SeedAsync(ct);
        await demoSurveys.SeedAsync(ct);
    }
}

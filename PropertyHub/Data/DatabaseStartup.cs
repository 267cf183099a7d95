using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    IHostEnvironment environment,
    IConfiguration configuration,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseStartup> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
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

    /// <summary>Demo data is on by default for the embedded SQLite database and never in Production.</summary>
    public bool DemoEnabled =>
        !environment.IsProduction() && configuration.GetValue("Seed:Demo", options.Value.Provider == DatabaseProvider.Sqlite);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await DemoUsers.EnsureRolesAsync(roles);
        await surveyTemplate.EnsureAsync(ct);
        if (!DemoEnabled)
            return;
        await demoUsers.SeedAsync();
        await demoEstate.SeedAsync(ct);
        await demoArchive.SeedAsync(ct);
        await demoReception.SeedAsync(ct);
        await demoFees.SeedAsync(ct);
        await demoSurveys.SeedAsync(ct);
    }
}

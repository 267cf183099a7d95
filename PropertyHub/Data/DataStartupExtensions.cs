using Microsoft.Extensions.Options;

namespace PropertyHub.Data;

public static class DataStartupExtensions
{
    /// <summary>Migrates (unless switched off) and seeds before the app serves its first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var startup = scope.ServiceProvider.GetRequiredService<DatabaseStartup>();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            await startup.MigrateAsync();
        await startup.SeedAsync();
        // Hangfire's storage prepares its own schema when first built (the dashboard builds it when mapped): do it now, after the app's migrations.
        _ = scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>();
    }
}

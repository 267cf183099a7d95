using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;

namespace PropertyHub.Tests.Testing;

/// <summary>
/// The real app on a private database: a fresh SQLite file per factory by default, or the given provider.
/// Hangfire's server is off unless asked for (never two Hangfire hosts at once: see <see cref="HangfireHostCollection"/>).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-tests", Guid.NewGuid().ToString("N"));

    public AppFactory()
    {
        Directory.CreateDirectory(folder);
    }

    public string ContentFolder => folder;
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; init; }
    public bool DutiesEnabled { get; init; }
    /// <summary>Seed:Demo as given to the app; null leaves it unset (the app's own default applies).</summary>
    public bool? SeedDemo { get; init; } = true;
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Interceptors that inject one transient failure when armed (see <see cref="OneFault"/>).</summary>
    public OneFault? Faults { get; init; }

    public string EffectiveConnectionString => ConnectionString ?? $"Data Source={Path.Combine(folder, "propertyhub.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(FindProjectFolder());
        // Outside Development the packages' static files (MudBlazor, blazor.web.js) come from the build manifest only when asked.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = EffectiveConnectionString,
            ["ScheduledDuties:Enabled"] = DutiesEnabled.ToString(),
            ["ScheduledDuties:CatchUpOnStartup"] = DutiesEnabled.ToString(),
            // Tests log their own contacts and count from an empty queue; DemoReceptionTests turns them on.
            ["Seed:DemoContacts"] = "false",
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("PROPERTYHUB_TEST_LOGLEVEL") ?? "Warning",
        };
        if (SeedDemo is { } seedDemo)
            settings["Seed:Demo"] = seedDemo.ToString();
        foreach (var (key, value) in Settings)
            settings[key] = value;
        // Host settings are read before Program's builder runs, so the provider choice is seen by AddData.
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            if (ConnectionString is null)
                SeededTemplates.Use(services, Path.Combine(folder, "propertyhub.db"), folder);
            // Every SQLite test runs under a retrying strategy, as SQL Server does in production: a write path that
            // opens a transaction outside the strategy throws here. PostgreSQL runs with Npgsql's own (the default).
            services.ConfigureDbContext<SqliteDbContext>(o =>
            {
                o.UseSqlite(sqlite => sqlite.ExecutionStrategy(d => new RetryingTestStrategy(d)));
                if (Faults is not null)
                    o.AddInterceptors(Faults.Interceptors);
            });
            if (Faults is not null)
                services.ConfigureDbContext<PostgresDbContext>(o => o.AddInterceptors(Faults.Interceptors));
        });
    }

    public async Task<AppDbContext> CreateDbContextAsync()
    {
        var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    private static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "PropertyHub", "PropertyHub.csproj");
            if (File.Exists(candidate))
                return Path.GetDirectoryName(candidate)!;
        }
        throw new InvalidOperationException("PropertyHub project folder not found above " + AppContext.BaseDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>Tests that start Hangfire servers share one non-parallel collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireHostCollection
{
    public const string Name = "Hangfire hosts";
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PropertyHub.Data;
using PropertyHub.Features.Reception;

namespace QueueHubLatency;

/// <summary>The whole app on Kestrel (loopback, free port) with a private SQLite file and the demo data.</summary>
internal sealed class QueueApp : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-bench", Guid.NewGuid().ToString("N"));

    public QueueApp()
    {
        Directory.CreateDirectory(folder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>When each service request's insert was committed.</summary>
    public CommitClock Commits { get; } = new();

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(FindProjectFolder());
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["ScheduledDuties:Enabled"] = "false",
            ["ScheduledDuties:CatchUpOnStartup"] = "false",
            ["Seed:Demo"] = "true",
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Plain HTTP on loopback: no HTTPS port to redirect to, by design.
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpsPolicy"] = "Error",
        };
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureServices(s => s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(Commits), ServiceLifetime.Singleton));
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Stamps the moment a new service request is committed (after SaveChanges, before the event is published).</summary>
internal sealed class CommitClock : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<int, long> committed = new();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<ServiceRequest>())
            committed.TryAdd(entry.Entity.Id, now);
        return ValueTask.FromResult(result);
    }

    public long At(int requestId) => committed[requestId];
}

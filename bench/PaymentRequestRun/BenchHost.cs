using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using PropertyHub.Data;

namespace PaymentRequestRun;

/// <summary>The whole app in process (no HTTP needed) on a private SQLite file or a given PostgreSQL database, with the demo users and estate.</summary>
internal sealed class BenchHost(string provider, string? connection, int? batchSize) : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-bench", Guid.NewGuid().ToString("N"));

    public string Folder => folder;

    /// <summary>Where the runs' time goes (see <see cref="RunSections"/>).</summary>
    public RunSections Sections { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(FindProjectFolder());
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connection ?? $"Data Source={Path.Combine(folder, "bench.db")}",
            ["ScheduledDuties:Enabled"] = "false",
            ["ScheduledDuties:CatchUpOnStartup"] = "false",
            ["Seed:Demo"] = "true",
            ["Seed:DemoContacts"] = "false",
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (batchSize is { } size)
            settings["PaymentRequests:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(Sections));
            s.ConfigureDbContext<PostgresDbContext>(o => o.AddInterceptors(Sections));
        });
    }

    private static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "PropertyHub", "PropertyHub.csproj");
            if (File.Exists(project))
                return Path.GetDirectoryName(project)!;
        }
        throw new InvalidOperationException("PropertyHub/PropertyHub.csproj not found above " + AppContext.BaseDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

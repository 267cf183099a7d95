using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QueueLoad.Instance;

/// <summary>
/// The app of one instance process: the real app (its own Program, nothing replaced) on Kestrel, a free loopback
/// port, on the shared PostgreSQL database, with its own Redis connection for the work-queue bus.
/// </summary>
internal sealed class AppInstance : WebApplicationFactory<global::Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-load", Guid.NewGuid().ToString("N"));
    private readonly string connectionString;
    private readonly string redis;

    public AppInstance(string name, string connectionString, string redis)
    {
        Name = name;
        this.connectionString = connectionString;
        this.redis = redis;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string Name { get; }

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
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(FindProjectFolder());
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["Redis:Connection"] = redis,
            ["ScheduledDuties:Enabled"] = "false",
            ["ScheduledDuties:CatchUpOnStartup"] = "false",
            ["Seed:Demo"] = "true",
            // The queue starts empty: every row on it is one this run logged.
            ["Seed:DemoContacts"] = "false",
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Plain HTTP on loopback: no HTTPS port to redirect to, by design.
            ["Logging:LogLevel:Microsoft.AspNetCore.HttpsPolicy"] = "Error",
        };
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
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
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

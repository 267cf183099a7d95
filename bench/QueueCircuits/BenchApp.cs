using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QueueCircuits;

/// <summary>The whole app on Kestrel (loopback, free port) with a private SQLite file and the demo data.</summary>
internal sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-bench", Guid.NewGuid().ToString("N"));

    private readonly Action<IApplicationBuilder> benchEndpoints;

    public BenchApp(Action<IApplicationBuilder> benchEndpoints)
    {
        this.benchEndpoints = benchEndpoints;
        Directory.CreateDirectory(folder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Circuits opened and not yet closed, counted by a circuit handler added for the run.</summary>
    public CircuitCount Circuits { get; } = new();

    public string BaseUrl
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(FindProjectFolder());
        builder.UseStaticWebAssets();
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
        builder.ConfigureServices(s =>
        {
            s.AddScoped<CircuitHandler>(_ => new CircuitCounter(Circuits));
            s.AddSingleton<IStartupFilter>(new BenchEndpoints(benchEndpoints));
        });
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

internal sealed class CircuitCount
{
    private int open;

    public int Open => Volatile.Read(ref open);

    public void Opened() => Interlocked.Increment(ref open);

    public void Closed() => Interlocked.Decrement(ref open);
}

internal sealed class CircuitCounter(CircuitCount count) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Closed();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every render batch of every circuit, from the framework's own meter (one render_diff.duration measurement per
/// batch sent to a browser): the same yardstick for the queue and the baseline page.
/// </summary>
internal sealed class RenderBatches : IDisposable
{
    private readonly MeterListener listener = new();
    private long batches;

    public RenderBatches()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Components.Lifecycle" && instrument.Name == "aspnetcore.components.render_diff.duration")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref batches));
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref batches));
        listener.Start();
    }

    public long Count => Interlocked.Read(ref batches);

    public void Dispose() => listener.Dispose();
}

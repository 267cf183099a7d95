using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;

namespace QueueLoad;

/// <summary>
/// One app instance: the whole app on its own Kestrel port (loopback) with its own service provider, on the shared
/// PostgreSQL database, with its own Redis connection for the work-queue bus. Nothing in the app is replaced.
/// </summary>
internal sealed class AppInstance : WebApplicationFactory<Program>
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

/// <summary>The baseline's hub: broadcasts only, no auth, no database.</summary>
internal sealed class EchoHub : Hub;

/// <summary>
/// The baseline: a bare host on its own Kestrel port that broadcasts a marker to the same number of SignalR clients
/// (<c>/hubs/echo</c>) and to bare pages (<c>/bare</c>: no Blazor, a plain WebSocket that prepends a table row).
/// </summary>
internal sealed class EchoHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<WebSocket, byte> sockets = new();

    private EchoHost(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Pages => sockets.Count;

    public static async Task<EchoHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        var host = new EchoHost(app);
        app.UseWebSockets();
        app.MapHub<EchoHub>("/hubs/echo");
        app.MapGet("/bare", () => Results.Content(BarePage, "text/html; charset=utf-8"));
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.BadRequest();
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            host.sockets.TryAdd(socket, 0);
            try
            {
                var buffer = new byte[64];
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (received.MessageType == WebSocketMessageType.Close)
                        break;
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { }
            finally
            {
                host.sockets.TryRemove(socket, out _);
            }
            return Results.Empty;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    /// <summary>One broadcast: the hub's clients and every bare page, at once. Calls never overlap (one sender).</summary>
    public async Task BroadcastAsync(string marker)
    {
        var bytes = Encoding.UTF8.GetBytes(marker);
        var sends = new List<Task> { app.Services.GetRequiredService<IHubContext<EchoHub>>().Clients.All.SendAsync("echo", marker) };
        foreach (var socket in sockets.Keys)
            sends.Add(SendAsync(socket, bytes));
        await Task.WhenAll(sends);
    }

    private static async Task SendAsync(WebSocket socket, byte[] bytes)
    {
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // Like the queue: newest first in a table, at most 50 rows, the marker in a cell of class queue-excerpt.
    private const string BarePage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>bare</title></head>
        <body>
        <table><tbody id="rows"></tbody></table>
        <script>
        const rows = document.getElementById('rows');
        const socket = new WebSocket(location.origin.replace('http', 'ws') + '/ws');
        socket.onopen = () => document.body.setAttribute('data-interactive', 'true');
        socket.onmessage = e => {
          const tr = document.createElement('tr');
          const td = document.createElement('td');
          td.className = 'queue-excerpt';
          td.textContent = e.data;
          tr.appendChild(td);
          rows.prepend(tr);
          while (rows.rows.length > 50) rows.lastElementChild.remove();
        };
        </script>
        </body></html>
        """;
}

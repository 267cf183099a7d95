using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;

namespace QueueHubLatency;

/// <summary>The baseline: a bare hub on its own tiny Kestrel host (loopback, free port), no auth, no database.</summary>
internal sealed class EchoHub : Hub
{
    public Task Echo(string message) => Clients.All.SendAsync("echo", message);
}

internal sealed class EchoHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private EchoHost(WebApplication app) => this.app = app;

    public Uri HubUrl { get; private set; } = null!;

    public IHubContext<EchoHub> Hub => app.Services.GetRequiredService<IHubContext<EchoHub>>();

    public static async Task<EchoHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<EchoHub>("/hubs/echo");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoHost(app) { HubUrl = new Uri(address.TrimEnd('/') + "/hubs/echo") };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

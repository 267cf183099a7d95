using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using StackExchange.Redis;

namespace QueueLoad.Instance;

/// <summary>The baseline's hub: broadcasts only, no auth, no database.</summary>
internal sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";
    public const string Method = "echo";
}

/// <summary>
/// The second web host of an instance process, on its own loopback port: the bare echo baseline (a SignalR hub at
/// <see cref="EchoHub.Path"/> and a bare Blazor page at /echo, both fed from the Redis channel
/// <see cref="EchoChannel"/>, as the app's hub and queue page are fed from its work-queue channel) and the driver's
/// control endpoints under /_bench/. It shares the process, its CPU and thread pool with the app, so the baseline
/// runs where the app runs.
/// </summary>
internal sealed class InstanceHost : IAsyncDisposable
{
    public const string EchoChannel = "queueload:echo";

    private readonly WebApplication web;
    private readonly ConnectionMultiplexer redis;

    private InstanceHost(WebApplication web, ConnectionMultiplexer redis)
    {
        this.web = web;
        this.redis = redis;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<InstanceHost> StartAsync(AppInstance app, string redisConnection)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(InstanceHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Warnings and errors only (the app's appsettings.json in this folder would let start-up notes through).
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        // blazor.web.js comes from this assembly's static web assets (from the build output's manifest).
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var feed = new EchoFeed();
        builder.Services.AddSingleton(feed);
        var web = builder.Build();

        var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        var hub = web.Services.GetRequiredService<IHubContext<EchoHub>>();
        // Like the app's bus: one message at a time, in the order received, to the hub's clients and the pages.
        (await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(EchoChannel))).OnMessage(async message =>
        {
            var marker = message.Message.ToString();
            feed.Publish(marker);
            await hub.Clients.All.SendAsync(EchoHub.Method, marker);
        });

        web.UseAntiforgery();
        web.MapStaticAssets();
        web.MapHub<EchoHub>(EchoHub.Path);
        web.MapRazorComponents<EchoDocument>().AddInteractiveServerRenderMode();
        web.MapPost("/_bench/clerks", (Schedule schedule, CancellationToken ct) => Clerks.LogContactsAsync(app, schedule, ct));
        web.MapPost("/_bench/echo", (Schedule schedule, CancellationToken ct) => Clerks.EchoAsync(redis.GetSubscriber(), schedule, ct));
        web.MapGet("/_bench/estate", () => EstateAsync(app));
        await web.StartAsync();
        var address = web.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InstanceHost(web, redis) { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    private static async Task<EstateInfo> EstateAsync(AppInstance app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var units = await db.Units.Where(u => u.Building!.EstateId == estateId).OrderBy(u => u.Id).Select(u => u.Id).Take(50).ToArrayAsync();
        if (units.Length == 0)
            throw new InvalidOperationException("The demo estate has no units");
        var clerk = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Clerks.ClerkEmail);
        return new EstateInfo(estateId, units, clerk?.Id ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
        await redis.DisposeAsync();
    }
}

/// <summary>The echo markers, handed to every open echo page of this process.</summary>
public sealed class EchoFeed
{
    public event Action<string>? Echoed;

    public void Publish(string marker) => Echoed?.Invoke(marker);
}

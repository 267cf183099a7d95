using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Live;
using QueueLoad.Instance;

namespace QueueLoad.Clients;

/// <summary>SignalR .NET clients in the driver process, each with its own <see cref="Sightings"/>.</summary>
internal static class HubWatchers
{
    public static async Task<List<(HubConnection Connection, Sightings Seen)>> ConnectAsync(
        int count, Func<int, HubConnection> build, Action<HubConnection, Sightings> listen, CancellationToken ct)
    {
        var watchers = Enumerable.Range(0, count).Select(i =>
        {
            var connection = build(i);
            var seen = new Sightings();
            listen(connection, seen);
            connection.Closed += _ =>
            {
                seen.Disconnected();
                return Task.CompletedTask;
            };
            return (connection, seen);
        }).ToList();
        // 20 at a time: a burst of 200 handshakes measures nothing we care about.
        using var gate = new SemaphoreSlim(20);
        await Task.WhenAll(watchers.Select(async w =>
        {
            await gate.WaitAsync(ct);
            try { await w.connection.StartAsync(ct); } finally { gate.Release(); }
        }));
        return watchers;
    }

    public static HubConnection Echo(Uri baseAddress) => new HubConnectionBuilder()
        .WithUrl(new Uri(baseAddress, EchoHub.Path.TrimStart('/')), o => o.Transports = HttpTransportType.WebSockets)
        .Build();

    public static HubConnection Queue(Uri baseAddress, CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(baseAddress, QueueHub.Path.TrimStart('/')), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Cookies = cookies;
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
        .Build();

    public static void ListenEcho(HubConnection connection, Sightings seen) =>
        connection.On<string>(EchoHub.Method, marker => seen.Saw(marker));

    /// <summary>Created events only, keyed by request id (the event carries no content; the database maps id to marker).</summary>
    public static void ListenQueue(HubConnection connection, Sightings seen) =>
        connection.On<WorkQueueEvent>(QueueHub.EventMethod, e =>
        {
            if (e.Kind == WorkQueueEventKind.Created)
                seen.Saw(e.RequestId.ToString());
        });

    public static Task DisposeAllAsync(IEnumerable<(HubConnection Connection, Sightings Seen)> watchers) =>
        Task.WhenAll(watchers.Select(w => w.Connection.DisposeAsync().AsTask()));
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Live;
using QueueLoad.Clients;
using QueueLoad.Reports;
using StackExchange.Redis;

namespace QueueLoad.Driver;

internal sealed record LoadResult(
    Report Hub, Report Bus, Report Pages, Attempt[] Attempts, List<StoredRow> Stored, string ClerkId, TimeSpan Elapsed,
    Machine.Usage Usage);

/// <summary>
/// The load: M SignalR clients on <c>/hubs/queue</c> (supervisor cookie, signed in through the sign-in form) and K
/// <c>/reception/queue</c> pages in Chromium (signed in through the real sign-in page), split over A and B, watch while
/// each instance's clerks log contacts. Latency runs from PostgreSQL's commit time of the row to receipt. A probe
/// subscribed to the app's Redis channel splits the hub's latency at the bus.
/// </summary>
internal static class LoadPhase
{
    public static async Task<LoadResult> RunAsync(Options options, string run, EstateInfo estate, IReadOnlyList<InstanceProcess> instances,
        IBrowser browser, Machine machine, string connectionString, string redis, CancellationToken ct)
    {
        var cookies = new Dictionary<InstanceProcess, CookieContainer>();
        var states = new Dictionary<InstanceProcess, string>();
        foreach (var instance in instances)
        {
            cookies[instance] = await SignIn.CookiesAsync(instance.App, SignIn.Supervisor, ct);
            states[instance] = await PageWatchers.SignInAsync(browser, instance.App, SignIn.Supervisor, DemoUsers.Password);
        }
        var hub = await HubWatchers.ConnectAsync(options.HubClients, i => HubWatchers.Queue(instances[i % 2].App, cookies[instances[i % 2]]),
            HubWatchers.ListenQueue, ct);
        var pages = await PageWatchers.OpenAsync(browser, options.Pages,
            i => new Uri(instances[i % 2].App, $"reception/queue?estate={estate.EstateId}").ToString(), i => states[instances[i % 2]], ct);
        // The page subscribes to the bus after its first interactive render.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        // Not a watcher but a probe: when each Created event is on the Redis channel.
        var onBus = new ConcurrentDictionary<string, double>();
        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis);
        (await probe.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RedisWorkQueueEvents.ChannelName))).OnMessage(message =>
        {
            var at = Clock.NowMs();
            using var json = JsonDocument.Parse(message.Message.ToString());
            if (json.RootElement.GetProperty("kind").GetString() == nameof(WorkQueueEventKind.Created))
                onBus.TryAdd(json.RootElement.GetProperty("requestId").GetInt32().ToString(CultureInfo.InvariantCulture), at);
        });

        var schedule = options.Schedule(run, Clock.NowMs() + 2000, options.Duration, estate);
        Console.WriteLine($"  load: {options.HubClients} hub clients and {options.Pages} queue pages open; {schedule.TotalSlots} contacts " +
            $"over {options.Duration.TotalMinutes:0.##} min");
        var logging = Task.WhenAll(instances.Select((x, i) => x.LogContactsAsync(schedule with { Instance = i }, ct)));
        await Clock.UntilAsync(schedule.StartAtMs, ct);
        var before = machine.Take();
        var clock = Stopwatch.StartNew();
        var attempts = (await logging).SelectMany(a => a).ToArray();
        var elapsed = clock.Elapsed;
        var usage = machine.Between(before, machine.Take());
        Console.WriteLine($"  clerks done: {attempts.Length} contacts in {elapsed.TotalSeconds:F0} s");

        var stored = await Database.StoredAsync(connectionString, run, ct);
        var byId = stored.ToDictionary(r => r.Id.ToString(CultureInfo.InvariantCulture), r => r.CommittedMs);
        var byMarker = stored.GroupBy(r => r.Marker).ToDictionary(g => g.Key, g => g.Min(r => r.CommittedMs));
        await Delivery.WaitAsync(hub.Select(w => w.Seen), pages, byId.Count, byMarker.Count, ct);
        var hubReport = Report.Of(byId, hub.Select(w => w.Seen.First), hub.Sum(w => w.Seen.Repeats), hub.Sum(w => w.Seen.Disconnects));
        var pagesReport = await Delivery.HarvestAsync(pages, byMarker);
        var bus = Report.Of(byId, [onBus], 0, 0);
        // Read again: a row committed after the first read (a save the clerk was told failed) must show up in the tally.
        stored = await Database.StoredAsync(connectionString, run, ct);

        await PageWatchers.CloseAllAsync(pages);
        await HubWatchers.DisposeAllAsync(hub);
        return new LoadResult(hubReport, bus, pagesReport, attempts, stored, estate.ClerkId, elapsed, usage);
    }
}

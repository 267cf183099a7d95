using Microsoft.Playwright;
using QueueLoad.Clients;
using QueueLoad.Reports;

namespace QueueLoad.Driver;

internal sealed record BaselineResult(Report Hub, Report Pages, Machine.Usage Usage);

/// <summary>
/// The bare echo baseline, before the load, in the same instance processes: the same number of SignalR clients (on
/// the echo hubs) and Chromium pages (on the bare Blazor echo page), split over A and B as in the load, and the same
/// schedule; each instance's clerks publish a marker on the Redis echo channel instead of logging a contact. Latency
/// runs from the send (the clerk's wall clock just before publishing) to receipt.
/// </summary>
internal static class BaselinePhase
{
    public static async Task<BaselineResult> RunAsync(Options options, string run, IReadOnlyList<InstanceProcess> instances, IBrowser browser,
        Machine machine, CancellationToken ct)
    {
        var hub = await HubWatchers.ConnectAsync(options.HubClients, i => HubWatchers.Echo(instances[i % 2].Echo), HubWatchers.ListenEcho, ct);
        var pages = await PageWatchers.OpenAsync(browser, options.Pages, i => new Uri(instances[i % 2].Echo, "echo").ToString(), _ => null, ct);
        Console.WriteLine($"  baseline: {options.HubClients} echo hub clients and {options.Pages} echo pages open; echoing for {options.Baseline.TotalSeconds:F0} s");

        var schedule = options.Schedule(run, Clock.NowMs() + 2000, options.Baseline, estate: null);
        var echoes = Task.WhenAll(instances.Select((x, i) => x.EchoAsync(schedule with { Instance = i }, ct)));
        await Clock.UntilAsync(schedule.StartAtMs, ct);
        var before = machine.Take();
        var sent = (await echoes).SelectMany(s => s).ToDictionary(s => s.Marker, s => s.AtMs);
        var usage = machine.Between(before, machine.Take());

        await Delivery.WaitAsync(hub.Select(w => w.Seen), pages, sent.Count, sent.Count, ct);
        var hubReport = Report.Of(sent, hub.Select(w => w.Seen.First), hub.Sum(w => w.Seen.Repeats), hub.Sum(w => w.Seen.Disconnects));
        var pagesReport = await Delivery.HarvestAsync(pages, sent);
        await PageWatchers.CloseAllAsync(pages);
        await HubWatchers.DisposeAllAsync(hub);
        return new BaselineResult(hubReport, pagesReport, usage);
    }
}

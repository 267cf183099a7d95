using System.Diagnostics;
using Microsoft.Playwright;
using QueueLoad.Clients;
using QueueLoad.Reports;

namespace QueueLoad.Driver;

internal static class Delivery
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Waits until every hub client and page has every event, or until nothing new arrived anywhere for 30 s (at most
    /// 5 minutes in all: a lagging page still catching up is waited for); pages are polled once a second.
    /// </summary>
    public static async Task WaitAsync(IEnumerable<Sightings> hub, IReadOnlyList<IPage> pages, int hubEvents, int pageEvents, CancellationToken ct)
    {
        var clients = hub.ToList();
        var wait = Stopwatch.StartNew();
        var idle = Stopwatch.StartNew();
        var seen = -1L;
        while (idle.Elapsed < Idle && wait.Elapsed < Longest)
        {
            long now = clients.Sum(c => c.First.Count);
            var done = clients.All(c => c.First.Count >= hubEvents);
            foreach (var page in pages)
            {
                var count = await PageWatchers.CountAsync(page);
                now += count;
                done &= count >= pageEvents;
            }
            if (done)
                return;
            if (now != seen)
            {
                seen = now;
                idle.Restart();
            }
            await Task.Delay(1000, ct);
        }
        Console.WriteLine($"  not everything arrived; waited {wait.Elapsed.TotalSeconds:F0} s after the last event, the last {idle.Elapsed.TotalSeconds:F0} s without anything new");
    }

    /// <summary>Every page's sightings against the commit (or send) times, and the largest page-clock offset seen.</summary>
    public static async Task<Report> HarvestAsync(IReadOnlyList<IPage> pages, IReadOnlyDictionary<string, double> committed)
    {
        var seen = new List<IReadOnlyDictionary<string, double>>();
        double offset = 0, uncertainty = 0;
        foreach (var page in pages)
        {
            var (sightings, off, unc) = await PageWatchers.HarvestAsync(page);
            seen.Add(sightings);
            if (Math.Abs(off) > Math.Abs(offset))
                (offset, uncertainty) = (off, unc);
        }
        return Report.Of(committed, seen, 0, 0) with { ClockOffsetMs = Math.Abs(offset), ClockUncertaintyMs = uncertainty };
    }
}

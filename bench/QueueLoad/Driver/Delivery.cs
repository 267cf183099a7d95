using System.Diagnostics;
using Microsoft.Playwright;
using QueueLoad.Clients;
using QueueLoad.Reports;

namespace QueueLoad.Driver;

internal static class Delivery
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Waits until every hub client and page has every event, or the grace period ends; pages are polled once a second.</summary>
    public static async Task WaitAsync(IEnumerable<Sightings> hub, IReadOnlyList<IPage> pages, int hubEvents, int pageEvents, CancellationToken ct)
    {
        var clients = hub.ToList();
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < Grace)
        {
            var done = clients.All(c => c.First.Count >= hubEvents);
            foreach (var page in pages)
            {
                if (!done)
                    break;
                done = await PageWatchers.CountAsync(page) >= pageEvents;
            }
            if (done)
                return;
            await Task.Delay(1000, ct);
        }
        Console.WriteLine($"  not everything arrived within {Grace.TotalSeconds:F0} s after the last event");
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

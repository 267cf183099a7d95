using System.Globalization;
using QueueLoad.Driver;

namespace QueueLoad.Reports;

/// <summary>The run's report on standard output; returns how many things went wrong (0: nothing lost, doubled or undelivered).</summary>
internal static class Summary
{
    public static int Print(BaselineResult baseline, LoadResult load, IReadOnlyList<InstanceProcess> instances)
    {
        Console.WriteLine();
        Console.WriteLine($"{"",-38}{"events",8}{"deliveries",13}{"missing",9}{"repeats",9}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}");
        Row("echo hub → M clients (baseline)", baseline.Hub);
        Row("/hubs/queue commit → M clients", load.Hub);
        Row("  of which commit → Redis (probe)", load.Bus);
        Row("echo Blazor page → DOM (baseline)", baseline.Pages, repeats: false);
        Row("/reception/queue commit → DOM", load.Pages, repeats: false);
        Ratios("ratio hub / echo hub", load.Hub, baseline.Hub);
        Ratios("ratio queue page / echo page", load.Pages, baseline.Pages);
        Console.WriteLine();

        // Exactly once: every marker a clerk was told was saved is stored once; a save the clerk was told failed must
        // have stored nothing.
        var counts = load.Stored.GroupBy(r => r.Marker).ToDictionary(g => g.Key, g => g.Count());
        var ok = load.Attempts.Where(x => x.Succeeded).ToList();
        var failed = load.Attempts.Where(x => !x.Succeeded).ToList();
        var lost = ok.Count(x => !counts.ContainsKey(x.Marker));
        var duplicates = counts.Values.Sum(n => Math.Max(0, n - 1));
        var failedButStored = failed.Count(x => counts.ContainsKey(x.Marker));
        var strangers = counts.Keys.Count(m => load.Attempts.All(x => x.Marker != m));
        var byClerk = load.Stored.Count(r => r.TakenById == load.ClerkId);
        var seconds = load.Elapsed.TotalSeconds;
        Console.WriteLine($"contacts logged {load.Attempts.Length} in {seconds:F0} s ({load.Attempts.Length / seconds:F1}/s) over " +
            $"{string.Join(" and ", load.Attempts.GroupBy(x => x.Instance).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; stored rows {load.Stored.Count}; " +
            $"lost {lost}; duplicates {duplicates}; failed {failed.Count} (of which stored anyway {failedButStored}); unknown markers {strangers}");
        Console.WriteLine($"taken by the demo clerk (TakenById): {byClerk} of {load.Stored.Count} rows");
        var saves = ok.Select(x => x.Ms).ToList();
        Console.WriteLine($"a clerk's save (LogAsync, in the instance) p50 {Report.Percentile(saves, 50):F1} ms, p95 {Report.Percentile(saves, 95):F1} ms, " +
            $"p99 {Report.Percentile(saves, 99):F1} ms");
        // A page shows the queue's first page only: a contact never on it cannot appear (see FirstPage).
        var windows = FirstPage.Windows(load.Stored);
        var neverOnFirstPage = windows.Count(w => w.Value == 0);
        var missedNever = load.Pages.MissedBy.Where(m => windows.GetValueOrDefault(m.Key) == 0).Sum(m => m.Value);
        var missedShown = load.Pages.Missing - missedNever;
        var shownWindows = load.Pages.MissedBy.Keys.Select(k => windows.GetValueOrDefault(k)).Where(w => w > 0).ToList();
        var stillOn = load.Pages.MissedBy.Where(m => double.IsPositiveInfinity(windows.GetValueOrDefault(m.Key))).Sum(m => m.Value);
        var pushedOff = shownWindows.Where(double.IsFinite).ToList();
        Console.WriteLine($"queue's first page ({load.Stored.Count} contacts): {neverOnFirstPage} never on it (50 more urgent ones committed first); " +
            $"page appearances missing {load.Pages.Missing}: {missedNever} of those, {missedShown} of contacts that were on it " +
            $"({stillOn} still on it at the end, the others pushed off by 50 more urgent ones after p50 {Report.Percentile(pushedOff, 50):F0} ms)");
        Console.WriteLine($"hub clients disconnected: baseline {baseline.Hub.Disconnects}, load {load.Hub.Disconnects}; " +
            $"page clock − driver clock: max |offset| {Math.Max(baseline.Pages.ClockOffsetMs, load.Pages.ClockOffsetMs):F2} ms");
        Console.WriteLine($"instance processes: {string.Join(", ", instances.Select(x => $"{x.Name} pid {x.Id}"))}");
        Console.WriteLine($"CPU during the baseline (cores): {baseline.Usage}");
        Console.WriteLine($"CPU during the load (cores):     {load.Usage}");
        foreach (var failure in failed.Take(5))
            Console.WriteLine($"  failed: {failure.Marker} on {failure.Instance}: {failure.Error}");

        var bad = lost + duplicates + failed.Count + failedButStored + strangers + load.Hub.Missing + load.Hub.Repeats + missedShown
            + (load.Attempts.Length == 0 ? 1 : 0);
        Console.WriteLine(bad != 0 ? "RESULT: FAILED (see the counts above)"
            : neverOnFirstPage == 0 ? "RESULT: nothing lost, nothing doubled, every contact reached every watcher"
            : $"RESULT: nothing lost, nothing doubled, every contact reached every hub client and every page while on the first page ({neverOnFirstPage} never were)");
        return bad;
    }

    // A page keeps its first sighting only: its repeats column is "-".
    private static void Row(string name, Report r, bool repeats = true) =>
        Console.WriteLine($"{name,-38}{r.Events,8}{r.Deliveries,13}{r.Missing,9}{(repeats ? r.Repeats.ToString(CultureInfo.InvariantCulture) : "-"),9}" +
            $"{r.P(50),9:F1}{r.P(95),9:F1}{r.P(99),9:F1}{r.Max,9:F1}");

    private static void Ratios(string name, Report value, Report baseline) =>
        Console.WriteLine($"{name,-77}{Ratio(value.P(50), baseline.P(50)),9}{Ratio(value.P(95), baseline.P(95)),9}{Ratio(value.P(99), baseline.P(99)),9}");

    private static string Ratio(double value, double baseline) => baseline > 0 ? (value / baseline).ToString("F2", CultureInfo.InvariantCulture) : "-";
}

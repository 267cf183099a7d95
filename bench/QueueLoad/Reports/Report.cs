namespace QueueLoad.Reports;

/// <summary>Latencies from commit (or send) to receipt over every (watcher, event) pair, and what never came.</summary>
internal sealed record Report(int Events, int Deliveries, int Missing, int Repeats, int Disconnects, IReadOnlyList<double> Latencies)
{
    /// <summary>Per event that some watcher never received: how many watchers missed it.</summary>
    public IReadOnlyDictionary<string, int> MissedBy { get; init; } = new Dictionary<string, int>();
    public double ClockOffsetMs { get; init; }
    public double ClockUncertaintyMs { get; init; }
    public double Min => Latencies.Count == 0 ? double.NaN : Latencies.Min();
    public double Max => Latencies.Count == 0 ? double.NaN : Latencies.Max();

    public double P(int percentile) => Percentile(Latencies, percentile);

    public static Report Of(IReadOnlyDictionary<string, double> committed, IEnumerable<IReadOnlyDictionary<string, double>> watchers, int repeats, int disconnects)
    {
        var latencies = new List<double>();
        var missedBy = new Dictionary<string, int>();
        foreach (var seen in watchers)
        {
            foreach (var (key, at) in committed)
            {
                if (seen.TryGetValue(key, out var t))
                    latencies.Add(t - at);
                else
                    missedBy[key] = missedBy.GetValueOrDefault(key) + 1;
            }
        }
        return new Report(committed.Count, latencies.Count, missedBy.Values.Sum(), repeats, disconnects, latencies) { MissedBy = missedBy };
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, int percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

using System.Globalization;

namespace QueueLoad.Driver;

/// <summary>
/// The run's size: <c>--clerks N</c> (50) each logging one contact per <c>--interval-seconds</c> (10),
/// <c>--hub-clients M</c> (200) and <c>--pages K</c> (20; 0 is allowed for either, to see what one kind of watcher
/// costs the other), <c>--minutes</c> of load (2) after <c>--baseline-seconds</c> of echo baseline (30).
/// </summary>
internal sealed record Options(int Clerks, int HubClients, int Pages, TimeSpan Duration, TimeSpan Baseline, TimeSpan Interval)
{
    public static Options Parse(string[] args) => new(
        Clerks: (int)Arg(args, "--clerks", 50),
        HubClients: (int)Arg(args, "--hub-clients", 200, allowZero: true),
        Pages: (int)Arg(args, "--pages", 20, allowZero: true),
        Duration: TimeSpan.FromMinutes(Arg(args, "--minutes", 2)),
        Baseline: TimeSpan.FromSeconds(Arg(args, "--baseline-seconds", 30)),
        Interval: TimeSpan.FromSeconds(Arg(args, "--interval-seconds", 10)));

    /// <summary>The whole run may take this long before the watchdog ends it: load, baseline, set-up and waiting for late watchers.</summary>
    public TimeSpan Budget => Duration + Baseline + TimeSpan.FromMinutes(18);

    /// <summary>
    /// The clerks' schedule for a phase starting at <paramref name="startAtMs"/>, for instance 0 of 2 (the driver sets
    /// <see cref="Schedule.Instance"/> per instance). Contacts are due from two hours after the phase, one second
    /// earlier per slot.
    /// </summary>
    public Schedule Schedule(string run, double startAtMs, TimeSpan duration, EstateInfo? estate)
    {
        var slots = Clerks * (Math.Ceiling(duration / Interval) + 1);
        var dueBase = startAtMs + (duration + TimeSpan.FromHours(2) + TimeSpan.FromSeconds(slots)).TotalMilliseconds;
        return new Schedule(run, Clerks, 0, 2, Interval.TotalMilliseconds, duration.TotalMilliseconds, startAtMs, dueBase,
            estate?.EstateId ?? 0, estate?.Units ?? []);
    }

    public override string ToString() =>
        $"{Clerks} clerks (one contact each per {Interval.TotalSeconds:0.##} s), {HubClients} hub clients, {Pages} queue pages, " +
        $"{Duration.TotalMinutes:0.##} min of load after {Baseline.TotalSeconds:0} s of echo baseline";

    private static double Arg(string[] args, string name, double fallback, bool allowZero = false)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
            return fallback;
        return i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"{name} needs a {(allowZero ? "non-negative" : "positive")} number");
    }
}

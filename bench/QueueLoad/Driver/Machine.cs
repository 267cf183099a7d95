using System.Globalization;

namespace QueueLoad.Driver;

/// <summary>
/// CPU use over a window, from /proc (Linux): the whole machine's, and that of each of this run's processes — the
/// driver and what it started (each instance, Chromium under Playwright's driver, Redis) and PostgreSQL's server
/// processes. The machine's minus ours is what others on the shared machine used meanwhile. A process that ended
/// within the window is not counted.
/// </summary>
internal sealed class Machine(int driver, IReadOnlyDictionary<int, string> named)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public Snapshot Take() => new(DateTime.UtcNow, MachineTicks(), OurTicks(), LoadAverage());

    public Usage Between(Snapshot start, Snapshot end)
    {
        var seconds = (end.At - start.At).TotalSeconds;
        var busy = end.Machine.Busy - start.Machine.Busy;
        var all = end.Machine.All - start.Machine.All;
        var machineCores = all > 0 ? (double)Environment.ProcessorCount * busy / all : double.NaN;
        var ours = end.Ours.ToDictionary(g => g.Key, g => seconds > 0 ? (g.Value - start.Ours.GetValueOrDefault(g.Key)) / TicksPerSecond / seconds : double.NaN);
        return new Usage(machineCores, ours, start.LoadAverage, end.LoadAverage);
    }

    private static (long Busy, long All) MachineTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        return (fields.Sum() - fields[3] - fields[4], fields.Sum());
    }

    /// <summary>Ticks per group: a named root's tree, the driver itself, or the driver's other children by their name.</summary>
    private Dictionary<string, long> OurTicks()
    {
        var processes = new Dictionary<int, (int Parent, string Name, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                // pid (comm) state ppid … utime(14) stime(15)
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes[pid] = (int.Parse(rest[1], CultureInfo.InvariantCulture), name,
                    long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException) { }
        }
        var groups = new Dictionary<string, long>();
        foreach (var (pid, process) in processes)
        {
            if (Group(pid, processes) is { } group)
                groups[group] = groups.GetValueOrDefault(group) + process.Ticks;
        }
        return groups;
    }

    private string? Group(int pid, Dictionary<int, (int Parent, string Name, long Ticks)> processes)
    {
        var child = pid;
        for (var p = pid; p > 1 && processes.TryGetValue(p, out var process); child = p, p = process.Parent)
        {
            if (named.TryGetValue(p, out var name))
                return name;
            if (p == driver)
                return pid == driver ? "driver" : IsPlaywright(child) ? "Chromium" : processes[child].Name;
        }
        return null;
    }

    /// <summary>Playwright's driver (node), whose children are Chromium's processes.</summary>
    private static bool IsPlaywright(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains("playwright", StringComparison.OrdinalIgnoreCase); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    internal sealed record Snapshot(DateTime At, (long Busy, long All) Machine, Dictionary<string, long> Ours, string LoadAverage);

    /// <summary>Average cores busy over the window: the machine's, and each of ours; the 1/5/15-minute load averages at both ends.</summary>
    internal sealed record Usage(double MachineCores, Dictionary<string, double> Ours, string LoadBefore, string LoadAfter)
    {
        public double OurCores => Ours.Values.Sum();

        public double OthersCores => Math.Max(0, MachineCores - OurCores);

        public override string ToString() =>
            $"machine {MachineCores:F2} of {Environment.ProcessorCount} cores busy on average; this run's processes {OurCores:F2} " +
            $"({string.Join(", ", Ours.Where(g => g.Value >= 0.005).OrderByDescending(g => g.Value).Select(g => $"{g.Key} {g.Value:F2}"))}), " +
            $"others {OthersCores:F2}; load average {LoadBefore} before, {LoadAfter} after";
    }
}

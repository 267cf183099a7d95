using System.Globalization;

namespace QueueLoad.Driver;

/// <summary>
/// CPU use over a window, from /proc (Linux): the whole machine's, and that of this run's own processes (the driver
/// and everything it started: both instances, Chromium, Redis, plus PostgreSQL's server processes). The difference
/// is what others on the shared machine used meanwhile. Processes that ended within the window are not counted.
/// </summary>
internal sealed class Machine
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int[] roots;

    public Machine(params int[] roots) => this.roots = roots;

    public Snapshot Take() => new(DateTime.UtcNow, MachineTicks(), OurTicks(), LoadAverage());

    public Usage Between(Snapshot start, Snapshot end)
    {
        var seconds = (end.At - start.At).TotalSeconds;
        var busy = end.Machine.Busy - start.Machine.Busy;
        var all = end.Machine.All - start.Machine.All;
        var machineCores = all > 0 ? (double)Environment.ProcessorCount * busy / all : double.NaN;
        var ours = seconds > 0 ? (end.Ours - start.Ours) / TicksPerSecond / seconds : double.NaN;
        return new Usage(machineCores, ours, start.LoadAverage, end.LoadAverage);
    }

    private static (long Busy, long All) MachineTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var idle = fields[3] + fields[4];
        return (fields.Sum() - idle, fields.Sum());
    }

    private long OurTicks()
    {
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                // pid (comm) state ppid … utime(14) stime(15): fields after the closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes[pid] = (int.Parse(rest[1], CultureInfo.InvariantCulture), long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        }
        long ticks = 0;
        foreach (var (pid, (_, own)) in processes)
        {
            for (var p = pid; p > 1 && processes.TryGetValue(p, out var process); p = process.Parent)
            {
                if (roots.Contains(p))
                {
                    ticks += own;
                    break;
                }
            }
        }
        return ticks;
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    internal sealed record Snapshot(DateTime At, (long Busy, long All) Machine, long Ours, string LoadAverage);

    /// <summary>Average cores busy over the window: the machine's, and ours; the 1/5/15-minute load averages at both ends.</summary>
    internal sealed record Usage(double MachineCores, double OurCores, string LoadBefore, string LoadAfter)
    {
        public double OthersCores => Math.Max(0, MachineCores - OurCores);

        public override string ToString() =>
            $"machine {MachineCores:F2} of {Environment.ProcessorCount} cores busy on average, this run's processes {OurCores:F2}, others {OthersCores:F2}; " +
            $"load average {LoadBefore} before, {LoadAfter} after";
    }
}

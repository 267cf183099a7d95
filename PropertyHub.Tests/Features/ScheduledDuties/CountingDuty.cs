using System.Collections.Concurrent;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>A duty that records each period it worked on, and can be told to fail or to take its time.</summary>
public sealed class CountingDuty : IScheduledDuty
{
    public ConcurrentQueue<string> Runs { get; } = new();
    public int FailuresLeft { get; set; }
    public TimeSpan Delay { get; set; }

    /// <summary>Off by default: most runner tests work on a database with no estate.</summary>
    public bool NeedsAnEstate { get; set; }

    public string Name => "counting";
    public string Cron => "0 9 1 * *"; // 09:00 on the first of each month, estate time
    public string PeriodOf(DateTime localOccurrence) => localOccurrence.ToString("yyyy-MM");

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("channel down");
        }
        Runs.Enqueue(period);
        return 1;
    }
}

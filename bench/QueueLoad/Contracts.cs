namespace QueueLoad;

/// <summary>
/// What the driver asks an instance to do: its share of N simulated clerks (clerk c belongs to instance
/// c mod <see cref="Instances"/>), each acting once per interval from <see cref="StartAtMs"/> for
/// <see cref="DurationMs"/>. Times are Unix milliseconds of the machine's wall clock (<see cref="Clock"/>), the one
/// clock the driver, both instances, PostgreSQL and the browser share.
/// </summary>
internal sealed record Schedule(
    string Run, int Clerks, int Instance, int Instances, double IntervalMs, double DurationMs, double StartAtMs, double DueBaseMs,
    int EstateId, int[] Units)
{
    /// <summary>
    /// This instance's slots: clerk c acts at c/N of the interval, then every interval. Slot numbers (1, 2, …) follow
    /// time across all clerks and instances, so they are the markers' unique numbers.
    /// </summary>
    public IEnumerable<Slot> Slots()
    {
        for (var k = 0; ; k++)
        {
            var any = false;
            for (var c = 0; c < Clerks; c++)
            {
                var offset = IntervalMs * c / Clerks + IntervalMs * k;
                if (offset >= DurationMs)
                    continue;
                any = true;
                if (c % Instances == Instance)
                    yield return new Slot(c, k * Clerks + c + 1, StartAtMs + offset);
            }
            if (!any)
                yield break;
        }
    }

    /// <summary>How many slots all instances together have.</summary>
    public int TotalSlots => Enumerable.Range(0, Instances).Sum(i => (this with { Instance = i }).Slots().Count());
}

internal sealed record Slot(int Clerk, int Number, double AtMs);

/// <summary>One contact a clerk tried to log, and what the app answered.</summary>
internal sealed record Attempt(string Marker, string Instance, bool Succeeded, double StartedMs, double ReturnedMs, string? Error)
{
    public double Ms => ReturnedMs - StartedMs;
}

/// <summary>One echo of the baseline, and when it was sent (published on the echo channel).</summary>
internal sealed record Sent(string Marker, double AtMs);

/// <summary>The estate the clerks log into and its units, and the demo clerk's user id.</summary>
internal sealed record EstateInfo(int EstateId, int[] Units, string ClerkId);

/// <summary>The line an instance prints when it listens: the app's and its echo host's addresses.</summary>
internal sealed record ReadyInfo(string App, string Echo, int ProcessId)
{
    public const string Prefix = "queueload instance ready ";
}

/// <summary>Wall-clock time in Unix milliseconds: the one clock the database, every process here and the browser share.</summary>
internal static class Clock
{
    public static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    public static double Ms(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>Waits until the wall clock reads <paramref name="atMs"/> (no wait if it is past).</summary>
    public static async Task UntilAsync(double atMs, CancellationToken ct)
    {
        var wait = atMs - NowMs();
        if (wait > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(wait), ct);
    }
}

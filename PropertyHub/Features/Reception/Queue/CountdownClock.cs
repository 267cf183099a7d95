using System.Globalization;

namespace PropertyHub.Features.Reception.Queue;

/// <summary>How urgent an item looks on the queue. None: the item has no deadline.</summary>
public enum CountdownBand
{
    None,
    Normal,
    Warning,
    Critical,
    Overdue,
}

/// <summary>
/// The countdown's value and colour band; Countdown.razor.js does the same sums in the browser.
/// Format: whole seconds, rounded down, as hh:mm:ss up to and including 72 hours — so a complaint starts at
/// "72:00:00" — and as "3d 01:00:00" beyond (the days pattern is localized). Past the deadline: the time since,
/// in the same format, inside "overdue by …".
/// </summary>
public static class CountdownClock
{
    /// <summary>Spans up to this many hours show as hours; longer ones start with days.</summary>
    public const int MaxHoursBeforeDays = 72;

    /// <summary>
    /// Normal until the warning time; warning from WarnAt; critical with CriticalHours or less left;
    /// overdue once the deadline has passed (at the deadline itself the item is still critical, 00:00:00).
    /// </summary>
    public static CountdownBand Band(DateTimeOffset now, DateTimeOffset? dueAt, DateTimeOffset? warnAt, int criticalHours)
    {
        if (dueAt is not { } due)
            return CountdownBand.None;
        if (now > due)
            return CountdownBand.Overdue;
        if (now >= due.AddHours(-criticalHours))
            return CountdownBand.Critical;
        return warnAt is { } warn && now >= warn ? CountdownBand.Warning : CountdownBand.Normal;
    }

    /// <summary>The span as the countdown shows it; <paramref name="daysPattern"/> is e.g. "{0}d {1}".</summary>
    public static string Format(TimeSpan span, string daysPattern)
    {
        var seconds = (long)Math.Floor(Math.Abs(span.TotalMilliseconds) / 1000);
        if (seconds > MaxHoursBeforeDays * 3600L)
            return string.Format(CultureInfo.InvariantCulture, daysPattern, seconds / 86400, Hms(seconds % 86400));
        return Hms(seconds);
    }

    /// <summary>The text shown at <paramref name="now"/>: time left, or the overdue pattern with the time since the deadline.</summary>
    public static string Text(DateTimeOffset now, DateTimeOffset due, string daysPattern, string overduePattern) =>
        now > due ? string.Format(CultureInfo.InvariantCulture, overduePattern, Format(now - due, daysPattern)) : Format(due - now, daysPattern);

    public static string Name(this CountdownBand band) => band.ToString().ToLowerInvariant();

    private static string Hms(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
}

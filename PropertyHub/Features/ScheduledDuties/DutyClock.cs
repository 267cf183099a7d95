using Cronos;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>Reads a duty's cron in the estate's time zone.</summary>
public sealed class DutyClock(EstateTime estateTime)
{
    private static readonly TimeSpan[] LookBack = [TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(370)];

    public TimeZoneInfo Zone => estateTime.Zone;

    /// <summary>The latest occurrence at or before <paramref name="utcNow"/>, in estate local time.</summary>
    public DateTime? LatestOccurrence(IScheduledDuty duty, DateTimeOffset utcNow)
    {
        var cron = CronExpression.Parse(duty.Cron);
        foreach (var window in LookBack)
        {
            DateTime? last = null;
            foreach (var occurrence in cron.GetOccurrences(utcNow.UtcDateTime - window, utcNow.UtcDateTime, Zone, fromInclusive: true, toInclusive: true))
                last = occurrence;
            if (last is not null)
                return TimeZoneInfo.ConvertTimeFromUtc(last.Value, Zone);
        }
        return null;
    }

    public DateTimeOffset? NextOccurrence(IScheduledDuty duty, DateTimeOffset utcNow)
    {
        var next = CronExpression.Parse(duty.Cron).GetNextOccurrence(utcNow.UtcDateTime, Zone);
        return next is null ? null : new DateTimeOffset(next.Value, TimeSpan.Zero);
    }
}

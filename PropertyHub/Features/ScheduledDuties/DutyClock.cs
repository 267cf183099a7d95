using Cronos;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>One period of a duty and the latest occurrence (UTC) of its cron that belongs to it.</summary>
public sealed record DutyPeriod(string Period, DateTimeOffset At);

/// <summary>Reads a duty's cron in the estate's time zone.</summary>
public sealed class DutyClock(EstateTime estateTime)
{
    private static readonly TimeSpan[] LookBack = [TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(370), TimeSpan.FromDays(5 * 366)];

    public TimeZoneInfo Zone => estateTime.Zone;

    /// <summary>The latest occurrence at or before <paramref name="utcNow"/>, in estate local time.</summary>
    public DateTime? LatestOccurrence(IScheduledDuty duty, DateTimeOffset utcNow) =>
        Periods(duty, utcNow, 1) is [var latest] ? estateTime.ToLocal(latest.At).DateTime : null;

    /// <summary>
    /// The duty's periods whose occurrences came at or before <paramref name="utcNow"/>, newest first, at most
    /// <paramref name="count"/> and looking back at most five years.
    /// </summary>
    public IReadOnlyList<DutyPeriod> Periods(IScheduledDuty duty, DateTimeOffset utcNow, int count)
    {
        var cron = CronExpression.Parse(duty.Cron);
        var zone = Zone;
        List<DutyPeriod> periods = [];
        foreach (var window in LookBack)
        {
            periods = [];
            var occurrences = cron.GetOccurrences(utcNow.UtcDateTime - window, utcNow.UtcDateTime, zone, fromInclusive: true, toInclusive: true).ToList();
            for (var i = occurrences.Count - 1; i >= 0 && periods.Count < count; i--)
            {
                var period = duty.PeriodOf(estateTime.ToLocal(new DateTimeOffset(occurrences[i], TimeSpan.Zero)).DateTime);
                // Several occurrences may belong to one period; the latest speaks for it.
                if (periods.Count == 0 || periods[^1].Period != period)
                    periods.Add(new DutyPeriod(period, new DateTimeOffset(occurrences[i], TimeSpan.Zero)));
            }
            if (periods.Count >= count)
                break;
        }
        return periods;
    }

    public DateTimeOffset? NextOccurrence(IScheduledDuty duty, DateTimeOffset utcNow)
    {
        var next = CronExpression.Parse(duty.Cron).GetNextOccurrence(utcNow.UtcDateTime, Zone);
        return next is null ? null : new DateTimeOffset(next.Value, TimeSpan.Zero);
    }
}

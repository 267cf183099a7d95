namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// A duty the product performs by itself on a schedule. Implementations must be idempotent per period:
/// the runner guarantees one successful run per period, and a failed or crashed run is simply run again.
/// </summary>
public interface IScheduledDuty
{
    /// <summary>Stable name, used as the Hangfire job id and in <see cref="ScheduledRun.Duty"/>.</summary>
    string Name { get; }

    /// <summary>Cron expression in the estate's time zone.</summary>
    string Cron { get; }

    /// <summary>Whether a period missed while the app was down is run on start-up.</summary>
    bool CatchUp => true;

    /// <summary>The period an occurrence (in estate local time) belongs to, e.g. "2026-11-27" or "2026-Q4".</summary>
    string PeriodOf(DateTime localOccurrence);

    /// <summary>Does the duty's work for the period and returns how many artifacts it produced.</summary>
    Task<int> RunAsync(string period, CancellationToken cancellationToken);
}

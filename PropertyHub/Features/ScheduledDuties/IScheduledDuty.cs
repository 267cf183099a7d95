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

    /// <summary>Whether periods missed while the app was down are run on start-up.</summary>
    bool CatchUp => true;

    /// <summary>
    /// Whether earlier periods can be run — by start-up's catch-up (oldest first, up to
    /// <see cref="ScheduledDutiesOptions.CatchUpLimit"/>) or by hand on /duties — or only the latest one: a backup of
    /// today's database written under a past night's name would pass today's data off as that night's.
    /// </summary>
    bool CatchUpEveryPeriod => true;

    /// <summary>
    /// Whether the duty's work is about estates (bills, forms, statements): with no estate registered yet it does not
    /// run, and records nothing, so the period is still open when the first estate arrives.
    /// </summary>
    bool NeedsAnEstate => true;

    /// <summary>
    /// The period of an extra run a person asks for, not bound to the schedule (e.g. a backup before an upgrade), or
    /// null when the duty has none. <paramref name="localNow"/> is estate time.
    /// </summary>
    string? ExtraPeriod(DateTime localNow) => null;

    /// <summary>The period an occurrence (in estate local time) belongs to, e.g. "2026-11-27" or "2026-Q4".</summary>
    string PeriodOf(DateTime localOccurrence);

    /// <summary>Does the duty's work for the period and returns how many artifacts it produced.</summary>
    Task<int> RunAsync(string period, CancellationToken cancellationToken);
}

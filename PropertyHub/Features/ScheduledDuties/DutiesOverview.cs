using Cronos;
using Hangfire;
using PropertyHub.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>A recurring job that is not period-bound (e.g. the escalation sweep): listed on the duties page, read-only.</summary>
public sealed record RecurringJobInfo(string Id, string Cron);

public sealed record DutyRunRow(string Period, RunStatus Status, DateTimeOffset StartedLocal, DateTimeOffset? FinishedLocal, int Attempts, int Count, string? Error);

/// <summary>Values a duty's localized description needs (e.g. how many backups are kept), read when the page shows it.</summary>
public sealed record DutyDescription(string Duty, Func<IServiceProvider, object[]> Arguments);

/// <summary>A period a person may choose to run, with what is on file for it (null: never run).</summary>
public sealed record PeriodChoice(string Period, RunStatus? Status);

public sealed record DutyRow(string Name, object[] DescriptionArguments, string Cron, DateTimeOffset? NextLocal, string? LatestPeriod,
    IReadOnlyList<DutyRunRow> Runs, IReadOnlyList<PeriodChoice> Periods, bool CanRunExtra)
{
    /// <summary>False when scheduling is on but Hangfire has no recurring job for it (removed on the dashboard).</summary>
    public bool Scheduled { get; init; } = true;

    /// <summary>Whether the person may put the missing schedule back now (an admin, on an instance that registered it).</summary>
    public bool CanRestore { get; init; }
}

/// <summary>How often a job without periods has run, and how and when its last run ended (estate time).</summary>
public sealed record JobRuns(long Count, long Failures, RunStatus LastStatus, DateTimeOffset LastStartedLocal, DateTimeOffset LastFinishedLocal, string? LastError);

/// <summary>A recurring job without periods; <see cref="NextLocal"/> is null when it is not scheduled; <see cref="Runs"/> null before its first run.</summary>
public sealed record JobRow(string Id, string Cron, DateTimeOffset? NextLocal, JobRuns? Runs = null)
{
    /// <inheritdoc cref="DutyRow.Scheduled"/>
    public bool Scheduled { get; init; } = true;

    /// <inheritdoc cref="DutyRow.CanRestore"/>
    public bool CanRestore { get; init; }
}

public sealed record DutiesSnapshot(bool SchedulingEnabled, string Zone, IReadOnlyList<DutyRow> Duties, IReadOnlyList<JobRow> Jobs);

/// <summary>What "run now" did: the outcome, or the error recorded for the failed run.</summary>
public sealed record RunNowResult(string? Period, RunOutcome? Outcome, string? Error);

/// <summary>Reads every duty's schedule and recent runs for the duties page, and runs a duty on request.</summary>
public sealed class DutiesOverview(
    IEnumerable<IScheduledDuty> duties,
    IEnumerable<RecurringJobInfo> jobs,
    IEnumerable<DutyDescription> descriptions,
    IServiceProvider services,
    DutyRunner runner,
    Permissions permissions,
    DutyClock dutyClock,
    EstateTime estateTime,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ScheduledDutiesOptions> options,
    RecurringJobBook book,
    IRecurringJobManager recurringJobs,
    ILogger<DutiesOverview> logger)
{
    public const int RecentRuns = 10;

    /// <summary>How many of a duty's latest periods the "run now" picker offers.</summary>
    public const int PickablePeriods = 12;

    public async Task<DutiesSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (missing, canRestore) = await MissingAsync(duties.Select(d => d.Name).Concat(jobs.Select(j => j.Id)));
        var rows = new List<DutyRow>();
        foreach (var duty in duties.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var next = dutyClock.NextOccurrence(duty, now);
            var arguments = descriptions.FirstOrDefault(d => d.Duty == duty.Name)?.Arguments(services) ?? [];
            var periods = Pickable(duty, now);
            var statuses = await StatusesAsync(duty.Name, periods.Select(p => p.Period).ToList(), cancellationToken);
            // A job removed from Hangfire does not run: it has no next run until it is restored.
            if (missing.Contains(duty.Name))
                next = null;
            rows.Add(new DutyRow(duty.Name, arguments, duty.Cron, next is null ? null : estateTime.ToLocal(next.Value), periods.FirstOrDefault()?.Period,
                await RunsAsync(duty.Name, cancellationToken),
                periods.Select(p => new PeriodChoice(p.Period, statuses.TryGetValue(p.Period, out var s) ? s : null)).ToList(),
                duty.ExtraPeriod(estateTime.ToLocal(now).DateTime) is not null)
            {
                Scheduled = !missing.Contains(duty.Name),
                CanRestore = canRestore(duty.Name),
            });
        }
        var tallies = await TalliesAsync(cancellationToken);
        var jobRows = jobs.OrderBy(j => j.Id, StringComparer.Ordinal).Select(j => new JobRow(j.Id, j.Cron,
            missing.Contains(j.Id) ? null : NextLocal(j.Cron, now), tallies.GetValueOrDefault(j.Id))
        {
            Scheduled = !missing.Contains(j.Id),
            CanRestore = canRestore(j.Id),
        }).ToList();
        return new DutiesSnapshot(options.Value.Enabled, estateTime.Zone.Id, rows, jobRows);
    }

    /// <summary>
    /// Puts a recurring job that was removed from Hangfire (on the dashboard) back as this instance registered it.
    /// Admin only; false when refused or when this instance never registered the job (the next start restores it).
    /// </summary>
    public async Task<bool> RestoreScheduleAsync(string id)
    {
        if (!await permissions.AllowsAsync(Can.ManageJobs) || !book.Restore(id, recurringJobs))
            return false;
        logger.LogWarning("Recurring job {Job} was missing from Hangfire and was restored by hand", id);
        return true;
    }

    /// <summary>
    /// Which of the jobs Hangfire does not hold while scheduling is on, and which of them the person may restore.
    /// With scheduling off nothing is registered here, and nothing is flagged.
    /// </summary>
    private async Task<(IReadOnlySet<string> Missing, Func<string, bool> CanRestore)> MissingAsync(IEnumerable<string> ids)
    {
        if (!options.Value.Enabled)
            return (new HashSet<string>(), _ => false);
        var scheduled = book.Scheduled();
        var missing = ids.Where(id => !scheduled.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var admin = missing.Count > 0 && await permissions.MayAsync(Can.ManageJobs);
        return (missing, id => admin && missing.Contains(id) && book.CanRestore(id));
    }

    /// <summary>
    /// Runs the duty for <paramref name="period"/> (one of its <see cref="PickablePeriods"/> latest), or for its latest
    /// period when none is given. Exactly-once holds: a period already run says so and runs nothing.
    /// </summary>
    public async Task<RunNowResult> RunNowAsync(string name, string? period = null, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(Can.RunDuties, cancellationToken);
        var duty = runner.Find(name);
        var periods = Pickable(duty, clock.GetUtcNow());
        if (periods.Count == 0)
            return new RunNowResult(null, null, null);
        if (period is null)
            period = periods[0].Period;
        else if (!periods.Any(p => p.Period == period))
            throw new ArgumentException($"{period} is not one of the latest periods of {name}", nameof(period));
        logger.LogInformation("Duty {Duty} run by hand for period {Period}", duty.Name, period);
        return await RunAsync(duty, period, cancellationToken);
    }

    /// <summary>The periods a person may run: the latest ones, or only the latest for a duty that cannot run earlier periods.</summary>
    private IReadOnlyList<DutyPeriod> Pickable(IScheduledDuty duty, DateTimeOffset now) =>
        dutyClock.Periods(duty, now, duty.CatchUpEveryPeriod ? PickablePeriods : 1);

    /// <summary>An extra run not bound to the schedule (the backup duty's backup on demand); each one is its own run.</summary>
    public async Task<RunNowResult> RunExtraAsync(string name, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(Can.RunDuties, cancellationToken);
        var duty = runner.Find(name);
        var period = duty.ExtraPeriod(estateTime.ToLocal(clock.GetUtcNow()).DateTime)
            ?? throw new InvalidOperationException($"Duty {name} takes no extra runs");
        logger.LogInformation("Duty {Duty} extra run by hand as {Period}", duty.Name, period);
        return await RunAsync(duty, period, cancellationToken);
    }

    private async Task<RunNowResult> RunAsync(IScheduledDuty duty, string period, CancellationToken cancellationToken)
    {
        try
        {
            return new RunNowResult(period, await runner.RunAsync(duty, period, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The runner recorded the failure on the run; show what it recorded.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var error = await db.ScheduledRuns.Where(r => r.Duty == duty.Name && r.Period == period).Select(r => r.Error).SingleOrDefaultAsync(cancellationToken);
            return new RunNowResult(period, null, error ?? ex.GetType().Name);
        }
    }

    private async Task<Dictionary<string, RunStatus>> StatusesAsync(string name, List<string> periods, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScheduledRuns.AsNoTracking().Where(r => r.Duty == name && periods.Contains(r.Period))
            .ToDictionaryAsync(r => r.Period, r => r.Status, StringComparer.Ordinal, ct);
    }

    private DateTimeOffset? NextLocal(string cron, DateTimeOffset now)
    {
        var next = CronExpression.Parse(cron).GetNextOccurrence(now.UtcDateTime, estateTime.Zone);
        return next is null ? null : estateTime.ToLocal(new DateTimeOffset(next.Value, TimeSpan.Zero));
    }

    private async Task<Dictionary<string, JobRuns>> TalliesAsync(CancellationToken ct)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tallies = await db.JobTallies.AsNoTracking().Where(t => ids.Contains(t.JobId)).ToListAsync(ct);
        return tallies.ToDictionary(t => t.JobId, t => new JobRuns(t.Runs, t.Failures, t.LastStatus, estateTime.ToLocal(t.LastStartedAt),
            estateTime.ToLocal(t.LastFinishedAt), t.LastError), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<DutyRunRow>> RunsAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.ScheduledRuns.AsNoTracking().Where(r => r.Duty == name)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(RecentRuns).ToListAsync(ct);
        return runs.Select(r => new DutyRunRow(r.Period, r.Status, estateTime.ToLocal(r.StartedAt),
            r.FinishedAt is { } f ? estateTime.ToLocal(f) : null, r.Attempts, r.Count, r.Error)).ToList();
    }
}

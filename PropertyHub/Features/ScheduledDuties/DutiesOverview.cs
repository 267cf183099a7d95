using Cronos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>A recurring job that is not period-bound (e.g. the escalation sweep): listed on the duties page, read-only.</summary>
public sealed record RecurringJobInfo(string Id, string Cron);

public sealed record DutyRunRow(string Period, RunStatus Status, DateTimeOffset StartedLocal, DateTimeOffset? FinishedLocal, int Attempts, int Count, string? Error);

/// <summary>Values a duty's localized description needs (e.g. how many backups are kept), read when the page shows it.</summary>
public sealed record DutyDescription(string Duty, Func<IServiceProvider, object[]> Arguments);

public sealed record DutyRow(string Name, object[] DescriptionArguments, string Cron, DateTimeOffset? NextLocal, string? LatestPeriod, IReadOnlyList<DutyRunRow> Runs);

public sealed record JobRow(string Id, string Cron, DateTimeOffset? NextLocal);

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
    DutyClock dutyClock,
    EstateTime estateTime,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ScheduledDutiesOptions> options,
    ILogger<DutiesOverview> logger)
{
    public const int RecentRuns = 10;

    public async Task<DutiesSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = new List<DutyRow>();
        foreach (var duty in duties.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var next = dutyClock.NextOccurrence(duty, now);
            var arguments = descriptions.FirstOrDefault(d => d.Duty == duty.Name)?.Arguments(services) ?? [];
            rows.Add(new DutyRow(duty.Name, arguments, duty.Cron, next is null ? null : estateTime.ToLocal(next.Value), LatestPeriod(duty, now),
                await RunsAsync(duty.Name, cancellationToken)));
        }
        var jobRows = jobs.OrderBy(j => j.Id, StringComparer.Ordinal).Select(j => new JobRow(j.Id, j.Cron, NextLocal(j.Cron, now))).ToList();
        return new DutiesSnapshot(options.Value.Enabled, estateTime.Zone.Id, rows, jobRows);
    }

    /// <summary>Runs the duty for the period of its latest occurrence; exactly-once makes a repeated click harmless.</summary>
    public async Task<RunNowResult> RunNowAsync(string name, CancellationToken cancellationToken = default)
    {
        var duty = runner.Find(name);
        var period = LatestPeriod(duty, clock.GetUtcNow());
        if (period is null)
            return new RunNowResult(null, null, null);
        logger.LogInformation("Duty {Duty} run by hand for period {Period}", duty.Name, period);
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

    private string? LatestPeriod(IScheduledDuty duty, DateTimeOffset now) =>
        dutyClock.LatestOccurrence(duty, now) is { } occurrence ? duty.PeriodOf(occurrence) : null;

    private DateTimeOffset? NextLocal(string cron, DateTimeOffset now)
    {
        var next = CronExpression.Parse(cron).GetNextOccurrence(now.UtcDateTime, estateTime.Zone);
        return next is null ? null : estateTime.ToLocal(new DateTimeOffset(next.Value, TimeSpan.Zero));
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

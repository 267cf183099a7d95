using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>What a start-up catch-up did: periods run, and periods older than the limit recorded as skipped.</summary>
public sealed record CatchUpResult(int Ran, int Skipped);

/// <summary>
/// Runs every period each duty missed while the app was down, oldest first across all duties (so November's payment
/// requests go out before November's collection, and October's before November's), each exactly once through
/// <see cref="DutyRunner"/>. Missed means: after the duty's newest successful (or skipped) period. A duty that never
/// ran starts with its latest period only, not with years of history. At most
/// <see cref="ScheduledDutiesOptions.CatchUpLimit"/> periods per duty run; the older ones are logged and recorded as
/// skipped runs, shown on the duties page, where a person may still run them.
/// </summary>
public sealed class DutyCatchUp(
    IEnumerable<IScheduledDuty> duties,
    Permissions permissions,
    DutyRunner runner,
    DutyClock dutyClock,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ScheduledDutiesOptions> options,
    ILogger<DutyCatchUp> logger)
{
    private sealed record Missed(IScheduledDuty Duty, DutyPeriod Period);

    public async Task<CatchUpResult> CatchUpAsync(CancellationToken cancellationToken)
    {
        await permissions.DemandAsync(Can.RunDuties, cancellationToken);
        var now = clock.GetUtcNow();
        var plan = new List<Missed>();
        var skipped = 0;
        foreach (var duty in duties.Where(d => d.CatchUp))
        {
            var missed = await MissedAsync(duty, now, cancellationToken);
            var limit = options.Value.CatchUpLimit;
            if (missed.Count > limit)
            {
                var tooOld = missed.Take(missed.Count - limit).ToList();
                skipped += await RecordSkippedAsync(duty, tooOld, now, cancellationToken);
                missed = missed.Skip(missed.Count - limit).ToList();
            }
            plan.AddRange(missed.Select(p => new Missed(duty, p)));
        }

        var ran = 0;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (duty, period) in plan.OrderBy(m => m.Period.At).ThenBy(m => m.Duty.Name, StringComparer.Ordinal))
        {
            // Oldest first means a later period never goes before an earlier one that failed (its arrears, its numbers):
            // the rest of this duty waits for the next start or for a person on the duties page.
            if (failed.Contains(duty.Name))
                continue;
            logger.LogInformation("Catching up duty {Duty} for period {Period}", duty.Name, period.Period);
            try
            {
                if (await runner.RunAsync(duty, period.Period, cancellationToken) == RunOutcome.Ran)
                    ran++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Recorded as a failed run by the runner, which logged it.
                failed.Add(duty.Name);
            }
        }
        return new CatchUpResult(ran, skipped);
    }

    /// <summary>The duty's periods that came and have no successful or skipped run after its newest such run, oldest first.</summary>
    private async Task<List<DutyPeriod>> MissedAsync(IScheduledDuty duty, DateTimeOffset now, CancellationToken ct)
    {
        Dictionary<string, RunStatus> runs;
        DateTimeOffset? newestStart;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.ScheduledRuns.AsNoTracking().Where(r => r.Duty == duty.Name).Select(r => new { r.Period, r.Status, r.StartedAt }).ToListAsync(ct);
            runs = rows.ToDictionary(r => r.Period, r => r.Status, StringComparer.Ordinal);
            newestStart = rows.Count == 0 ? null : rows.Max(r => r.StartedAt);
        }
        if (newestStart > now)
        {
            // The clock went back (a correction, a restored machine): what looks missed from here was the past.
            logger.LogWarning("Duty {Duty} has a run started at {Started}, after the clock's now {Now}: no catch-up", duty.Name, newestStart, now);
            return [];
        }
        var latest = dutyClock.Periods(duty, now, 1);
        if (latest.Count == 0)
            return [];
        if (runs.Count == 0 || !duty.CatchUpEveryPeriod)
            return runs.GetValueOrDefault(latest[0].Period) is RunStatus.Succeeded ? [] : [latest[0]];

        var missed = new List<DutyPeriod>();
        var oldestWithRun = -1;
        var reachedDone = false;
        foreach (var period in dutyClock.Periods(duty, now, int.MaxValue))
        {
            if (runs.TryGetValue(period.Period, out var status))
            {
                if (status is RunStatus.Succeeded or RunStatus.Skipped)
                {
                    reachedDone = true;
                    break;
                }
                oldestWithRun = missed.Count;
            }
            missed.Add(period);
        }
        // No done period in reach (the duty only ever failed): back to its oldest attempt, never into the time before it.
        if (!reachedDone)
            missed = missed.Take(oldestWithRun >= 0 ? oldestWithRun + 1 : 1).ToList();
        missed.Reverse();
        return missed;
    }

    private async Task<int> RecordSkippedAsync(IScheduledDuty duty, List<DutyPeriod> periods, DateTimeOffset now, CancellationToken ct)
    {
        logger.LogWarning("Duty {Duty} missed {Count} periods beyond the catch-up limit, from {First} to {Last}: recorded as skipped, not run",
            duty.Name, periods.Count, periods[0].Period, periods[^1].Period);
        var recorded = 0;
        foreach (var period in periods)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ScheduledRuns.Add(new ScheduledRun
            {
                Duty = duty.Name, Period = period.Period, Status = RunStatus.Skipped, StartedAt = now, FinishedAt = now, Attempts = 0,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                recorded++;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another instance starting at the same time recorded it, or a failed attempt is already on file.
            }
        }
        return recorded;
    }
}

/// <summary>Registers the recurring duties with Hangfire and catches up once the app has started.</summary>
internal sealed class DutyScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<IScheduledDuty> duties,
    Hangfire.IRecurringJobManager recurringJobs,
    DutyClock dutyClock,
    EstateTime estateTime,
    IOptions<ScheduledDutiesOptions> options,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Register();
        // The estate's calendar may move it to another zone: the duties follow without a restart.
        estateTime.ZonesChanged += Register;
        if (!options.Value.CatchUpOnStartup)
            return;
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DutyCatchUp>().CatchUpAsync(stoppingToken);
    }

    public override void Dispose()
    {
        estateTime.ZonesChanged -= Register;
        base.Dispose();
    }

    private void Register()
    {
        var zone = dutyClock.Zone;
        foreach (var duty in duties)
        {
            Hangfire.RecurringJobManagerExtensions.AddOrUpdate<DutyRunner>(recurringJobs, duty.Name, r => r.RunDueAsync(duty.Name), duty.Cron,
                new Hangfire.RecurringJobOptions { TimeZone = zone });
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Operations;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.ScheduledDuties;

public enum RunOutcome
{
    Ran,
    AlreadyDone,
    InProgressElsewhere,

    /// <summary>The duty is about estates and none is registered yet: nothing ran, nothing was recorded.</summary>
    NoEstateYet,
}

/// <summary>Runs duties exactly once per period by claiming a <see cref="ScheduledRun"/> row first.</summary>
public sealed class DutyRunner(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    IEnumerable<IScheduledDuty> duties,
    DutyClock dutyClock,
    TimeProvider clock,
    IOptions<ScheduledDutiesOptions> options,
    ILogger<DutyRunner> logger)
{
    public IScheduledDuty Find(string name) =>
        duties.FirstOrDefault(d => d.Name == name) ?? throw new ArgumentException($"Unknown duty {name}", nameof(name));

    /// <summary>Hangfire's entry point: runs the period of the latest occurrence that has come.</summary>
    public async Task RunDueAsync(string name)
    {
        await permissions.DemandAsync(Can.RunDuties);
        var duty = Find(name);
        var occurrence = dutyClock.LatestOccurrence(duty, clock.GetUtcNow());
        if (occurrence is null)
            return;
        await RunAsync(duty, duty.PeriodOf(occurrence.Value), CancellationToken.None);
    }

    public async Task<RunOutcome> RunAsync(IScheduledDuty duty, string period, CancellationToken cancellationToken)
    {
        await permissions.DemandAsync(Can.RunDuties, cancellationToken);
        using var activity = Telemetry.Source.StartActivity("duty " + duty.Name);
        activity?.SetTag("propertyhub.duty", duty.Name);
        activity?.SetTag("propertyhub.period", period);
        if (duty.NeedsAnEstate && !await AnyEstateAsync(cancellationToken))
        {
            logger.LogInformation("Duty {Duty} did not run for period {Period}: no estate is registered yet", duty.Name, period);
            Count(duty, "no_estate_yet", activity);
            return RunOutcome.NoEstateYet;
        }
        var run = await ClaimAsync(duty.Name, period, cancellationToken);
        if (run is null)
        {
            var outcome = await IsDoneAsync(duty.Name, period, cancellationToken) ? RunOutcome.AlreadyDone : RunOutcome.InProgressElsewhere;
            Count(duty, outcome == RunOutcome.AlreadyDone ? "already_done" : "in_progress_elsewhere", activity);
            return outcome;
        }

        try
        {
            var count = await duty.RunAsync(period, cancellationToken);
            await FinishAsync(run, RunStatus.Succeeded, count, null);
            logger.LogInformation("Duty {Duty} finished period {Period} with {Count} artifacts", duty.Name, period, count);
            Count(duty, "ran", activity);
            return RunOutcome.Ran;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Duty {Duty} failed for period {Period}", duty.Name, period);
            await FinishAsync(run, RunStatus.Failed, 0, $"{ex.GetType().Name}: {ex.Message}");
            Count(duty, "failed", activity);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private static void Count(IScheduledDuty duty, string outcome, System.Diagnostics.Activity? activity)
    {
        Telemetry.DutyRuns.Add(1, new KeyValuePair<string, object?>("duty", duty.Name), new KeyValuePair<string, object?>("outcome", outcome));
        activity?.SetTag("propertyhub.outcome", outcome);
    }

    /// <summary>Inserts the claim row; or takes over a failed or skipped run, or one whose lease ran out. Null when someone else holds it or it is done.</summary>
    private async Task<ScheduledRun?> ClaimAsync(string duty, string period, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // A period claimed before (the usual case for "Run now" on a done period) goes straight to the decision
            // below instead of an insert that fails and logs a stack trace; between two claimers the key still decides.
            if (!await db.ScheduledRuns.AnyAsync(r => r.Duty == duty && r.Period == period, ct))
            {
                var run = new ScheduledRun { Duty = duty, Period = period, Status = RunStatus.Running, StartedAt = now, Attempts = 1 };
                db.ScheduledRuns.Add(run);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return run;
                }
                catch (DbUpdateException)
                {
                    // The unique (duty, period) key said no: another instance claimed it just now. Decide below.
                }
            }
        }

        await using var again = await dbFactory.CreateDbContextAsync(ct);
        var existing = await again.ScheduledRuns.SingleAsync(r => r.Duty == duty && r.Period == period, ct);
        var stale = existing.Status == RunStatus.Running && existing.StartedAt < now - options.Value.Lease;
        if (existing.Status is not (RunStatus.Failed or RunStatus.Skipped) && !stale)
            return null;
        existing.Status = RunStatus.Running;
        existing.StartedAt = now;
        existing.FinishedAt = null;
        existing.Error = null;
        existing.Attempts++;
        try
        {
            await again.SaveChangesAsync(ct);
            return existing;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    private async Task FinishAsync(ScheduledRun run, RunStatus status, int count, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.ScheduledRuns.SingleAsync(r => r.Id == run.Id);
        row.Status = status;
        row.Count = count;
        row.Error = error?.Length > 2000 ? error[..2000] : error;
        row.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private async Task<bool> AnyEstateAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.AnyAsync(ct);
    }

    private async Task<bool> IsDoneAsync(string duty, string period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScheduledRuns.AnyAsync(r => r.Duty == duty && r.Period == period && r.Status == RunStatus.Succeeded, ct);
    }
}

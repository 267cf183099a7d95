using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>Runs, once, the latest period of each duty that passed without a successful run (the app was down).</summary>
public sealed class DutyCatchUp(
    IEnumerable<IScheduledDuty> duties,
    DutyRunner runner,
    DutyClock dutyClock,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    ILogger<DutyCatchUp> logger)
{
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var caughtUp = 0;
        foreach (var duty in duties.Where(d => d.CatchUp))
        {
            var occurrence = dutyClock.LatestOccurrence(duty, clock.GetUtcNow());
            if (occurrence is null)
                continue;
            var period = duty.PeriodOf(occurrence.Value);
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (await db.ScheduledRuns.AnyAsync(r => r.Duty == duty.Name && r.Period == period && r.Status == RunStatus.Succeeded, cancellationToken))
                    continue;
            }
            logger.LogInformation("Catching up duty {Duty} for period {Period}", duty.Name, period);
            try
            {
                if (await runner.RunAsync(duty, period, cancellationToken) == RunOutcome.Ran)
                    caughtUp++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Already recorded as a failed run; the next scheduled occurrence or "run now" retries it.
            }
        }
        return caughtUp;
    }
}

/// <summary>Registers the recurring duties with Hangfire and catches up once the app has started.</summary>
internal sealed class DutyScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<IScheduledDuty> duties,
    Hangfire.IRecurringJobManager recurringJobs,
    DutyClock dutyClock,
    Microsoft.Extensions.Options.IOptions<ScheduledDutiesOptions> options,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var duty in duties)
        {
            Hangfire.RecurringJobManagerExtensions.AddOrUpdate<DutyRunner>(recurringJobs, duty.Name, r => r.RunDueAsync(duty.Name), duty.Cron,
                new Hangfire.RecurringJobOptions { TimeZone = dutyClock.Zone });
        }
        if (!options.Value.CatchUpOnStartup)
            return;
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DutyCatchUp>().CatchUpAsync(stoppingToken);
    }
}

using Hangfire;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Reception.Escalation;

/// <summary>
/// Registers the escalation sweep as a Hangfire recurring job, every minute in the estate's time zone. The
/// deadlines are stored with each item, so a restart changes nothing: the next sweep does what came meanwhile.
/// </summary>
internal sealed class EscalationScheduler(IRecurringJobManager recurringJobs, DutyClock dutyClock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<EscalationSweep>(EscalationSweep.JobId, s => s.RunAsync(CancellationToken.None), EscalationSweep.Cron,
            new RecurringJobOptions { TimeZone = dutyClock.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Hangfire;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Notices;

/// <summary>Registers the delivery duty as a Hangfire recurring job, every minute.</summary>
internal sealed class NoticeScheduler(IRecurringJobManager recurringJobs, DutyClock dutyClock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<NoticeDelivery>(NoticeDelivery.JobId, d => d.RunAsync(CancellationToken.None), NoticeDelivery.Cron,
            new RecurringJobOptions { TimeZone = dutyClock.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

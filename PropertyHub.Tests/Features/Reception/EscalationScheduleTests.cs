using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Reception;

[Collection(HangfireHostCollection.Name)]
public sealed class EscalationScheduleTests
{
    [Fact]
    public async Task Host_WithDutiesEnabled_RegistersTheSweepEveryMinuteInEstateTime()
    {
        await using var factory = new AppFactory { DutiesEnabled = true, SeedDemo = false };
        _ = factory.NewClient();

        var storage = factory.Services.GetRequiredService<JobStorage>();
        RecurringJobDto? job = null;
        for (var i = 0; i < 100 && job is null; i++)
        {
            using var connection = storage.GetConnection();
            job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == EscalationSweep.JobId);
            if (job is null)
                await Task.Delay(100);
        }

        Assert.NotNull(job);
        Assert.Equal(Cron.Minutely(), job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.Equal(typeof(EscalationSweep), job.Job.Type);
    }

    [Fact]
    public async Task Host_WithDutiesDisabled_SchedulesNothing()
    {
        await using var factory = new AppFactory { SeedDemo = false };
        _ = factory.NewClient();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == EscalationSweep.JobId);
    }
}

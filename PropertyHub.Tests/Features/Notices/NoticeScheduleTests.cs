using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Notices;
using PropertyHub.Tests.Testing;

namespace PropertyHub.Tests.Features.Notices;

[Collection(HangfireHostCollection.Name)]
public sealed class NoticeScheduleTests
{
    [Fact]
    public async Task Host_WithDutiesEnabled_RegistersDeliveryEveryMinute()
    {
        await using var factory = new AppFactory { DutiesEnabled = true, SeedDemo = false };
        _ = factory.NewClient();

        var storage = factory.Services.GetRequiredService<JobStorage>();
        RecurringJobDto? job = null;
        for (var i = 0; i < 100 && job is null; i++)
        {
            using var connection = storage.GetConnection();
            job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == NoticeDelivery.JobId);
            if (job is null)
                await Task.Delay(100);
        }

        Assert.NotNull(job);
        Assert.Equal(Cron.Minutely(), job.Cron);
        Assert.Equal(typeof(NoticeDelivery), job.Job.Type);
    }

    [Fact]
    public async Task Host_WithDutiesDisabled_DoesNotScheduleDelivery()
    {
        await using var factory = new AppFactory { SeedDemo = false };
        _ = factory.NewClient();

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == NoticeDelivery.JobId);
    }
}

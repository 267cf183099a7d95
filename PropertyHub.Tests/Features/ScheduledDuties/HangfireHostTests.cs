using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Backup;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.ScheduledDuties;

[Collection(HangfireHostCollection.Name)]
public sealed class HangfireHostTests
{
    [Fact]
    public async Task Host_Starts_RegistersDutiesInEstateTimeAndCatchesUpTheMissedBackup()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        _ = factory.NewClient();

        var storage = factory.Services.GetRequiredService<JobStorage>();
        RecurringJobDto? job = null;
        ScheduledRun? run = null;
        for (var i = 0; i < 100 && (job is null || run?.Status != RunStatus.Succeeded); i++)
        {
            await Task.Delay(100);
            using var connection = storage.GetConnection();
            job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == SqliteBackupDuty.DutyName);
            await using var db = await factory.CreateDbContextAsync();
            run = await db.ScheduledRuns.SingleOrDefaultAsync(r => r.Duty == SqliteBackupDuty.DutyName);
        }

        Assert.NotNull(job);
        Assert.Equal("30 2 * * *", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.NotNull(run);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var duty = factory.Services.GetServices<IScheduledDuty>().OfType<SqliteBackupDuty>().Single();
        Assert.True(File.Exists(Path.Combine(duty.Folder, $"propertyhub-{run.Period}.db")));
    }

    [Fact]
    public async Task Host_EstateCalendarMovedToLondon_DutiesReRegisteredInLondonTime()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        _ = factory.NewClient();
        var storage = factory.Services.GetRequiredService<JobStorage>();
        string? Zone()
        {
            using var connection = storage.GetConnection();
            return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == SqliteBackupDuty.DutyName)?.TimeZoneId;
        }
        for (var i = 0; i < 100 && Zone() is null; i++)
            await Task.Delay(100);
        Assert.Equal("Asia/Shanghai", Zone());

        await factory.AsAsync(Roles.Admin, async sp =>
        {
            var calendars = sp.GetRequiredService<ServiceCalendarService>();
            var estate = (await calendars.ListAsync()).Single();
            var changed = ServiceCalendarService.Copy(estate.Calendar);
            changed.TimeZoneId = "Europe/London";
            Assert.True((await calendars.SaveAsync(estate.EstateId, estate.Version, changed)).Saved);
        });

        Assert.Equal("Europe/London", Zone());
    }

    [Fact]
    public async Task Dashboard_ByRole_OnlySupervisorManagerAdmin()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };

        foreach (var role in new[] { Roles.Supervisor, Roles.Manager, Roles.Admin })
            Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForRoleAsync(role)).GetAsync("/jobs")).StatusCode);
        foreach (var role in new[] { Roles.Clerk, Roles.Engineer, Roles.Finance })
            Assert.NotEqual(HttpStatusCode.OK, (await (await factory.ClientForRoleAsync(role)).GetAsync("/jobs")).StatusCode);
        var anonymous = await factory.NewClient().GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());
    }
}

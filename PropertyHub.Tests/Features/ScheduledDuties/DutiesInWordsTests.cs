using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>
/// /duties says each schedule in words and shows the runs of the jobs without periods; a removed job has no next run;
/// the Hangfire dashboard speaks the user's language where Hangfire has it.
/// </summary>
[Collection(HangfireHostCollection.Name)]
public sealed class DutiesInWordsTests
{
    [Theory]
    [InlineData("en", "0 9 1 1,7 *", "on 1 January and 1 July at 09:00")]
    [InlineData("zh-Hans", "0 9 1 1,7 *", "每年 1月1日和7月1日 09:00")]
    [InlineData("zh-Hant", "0 9 31 1,7 *", "每年 1月31日和7月31日 09:00")]
    [InlineData("en", "0 9 1 1,4,7,10 *", "quarterly on day 1 at 09:00")]
    [InlineData("en", "30 2 * * *", "daily at 02:30")]
    [InlineData("en", "0 9 15 * *", "monthly on day 15 at 09:00")]
    [InlineData("en", "0 9,17 * * 1-5", "every Monday, Tuesday, Wednesday, Thursday and Friday at 09:00 and 17:00")]
    [InlineData("en", "* * * * *", "every minute")]
    [InlineData("en", "*/5 * * * *", "every 5 minutes")]
    [InlineData("en", "0 9 1 * 1", "custom schedule")]
    [InlineData("en", "0 9 L * *", "custom schedule")]
    public void CronWords_Schedule_SaidInTheUsersLanguage(string culture, string cron, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, CronWords.Say(Text(), cron));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task Snapshot_SweepRunByHangfire_CountedWithItsLastOutcome_AFailureToo()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        _ = factory.NewClient();
        await WaitForAsync(() => Recurring(factory, EscalationSweep.JobId) is not null, "the sweep was never registered");

        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(EscalationSweep.JobId);
        JobRow? sweep = null;
        await WaitForAsync(async () => (sweep = await JobAsync(factory, EscalationSweep.JobId))?.Runs is { Count: > 0 }, "the sweep's run was never counted");

        Assert.Equal(RunStatus.Succeeded, sweep!.Runs!.LastStatus);
        Assert.Equal(0, sweep.Runs.Failures);
        Assert.Null(sweep.Runs.LastError);
        // A failed run counts too and says why; the counts only grow.
        var tally = factory.Services.GetRequiredService<JobTallyFilter>();
        var count = sweep.Runs.Count;
        await tally.RecordAsync(NoticeDelivery.JobId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "SmtpException: connection refused");
        var delivery = await JobAsync(factory, NoticeDelivery.JobId);
        Assert.Equal(RunStatus.Failed, delivery!.Runs!.LastStatus);
        Assert.Equal(1, delivery.Runs.Failures);
        Assert.Equal("SmtpException: connection refused", delivery.Runs.LastError);
        Assert.True((await JobAsync(factory, EscalationSweep.JobId))!.Runs!.Count >= count);
    }

    [Fact]
    public async Task Snapshot_JobRemovedFromHangfire_HasNoNextRun()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        _ = factory.NewClient();
        await WaitForAsync(() => Recurring(factory, EscalationSweep.JobId) is not null, "the sweep was never registered");
        Assert.NotNull((await JobAsync(factory, EscalationSweep.JobId))!.NextLocal);

        new RecurringJobManager(factory.Services.GetRequiredService<JobStorage>()).RemoveIfExists(EscalationSweep.JobId);

        var removed = await JobAsync(factory, EscalationSweep.JobId);
        Assert.False(removed!.Scheduled);
        Assert.Null(removed.NextLocal);
        Assert.NotNull((await JobAsync(factory, NoticeDelivery.JobId))!.NextLocal);
    }

    [Theory]
    [InlineData("zh-Hans", "服务器", "伺服器")]
    [InlineData("zh-Hant", "伺服器", "服务器")]
    [InlineData("en", "Servers", "服务器")]
    public async Task Dashboard_UsersCultureCookie_HangfireSpeaksIt(string culture, string shown, string notShown)
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        var client = await factory.ClientForRoleAsync(Roles.Supervisor);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.GetAsync($"/culture?culture={culture}&redirectUri=%2Fjobs")).StatusCode);

        var page = await client.GetStringAsync("/jobs");

        Assert.Contains(shown, page);
        Assert.DoesNotContain(notShown, page);
    }

    private static IStringLocalizer<DutiesText> Text()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<DutiesText>>();
    }

    private static async Task<JobRow?> JobAsync(AppFactory factory, string id)
    {
        DutiesSnapshot? snapshot = null;
        await factory.AsAsync(Roles.Supervisor, async sp => snapshot = await sp.GetRequiredService<DutiesOverview>().SnapshotAsync());
        return snapshot!.Jobs.SingleOrDefault(j => j.Id == id);
    }

    private static RecurringJobDto? Recurring(AppFactory factory, string id)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id);
    }

    private static Task WaitForAsync(Func<bool> condition, string because) => WaitForAsync(() => Task.FromResult(condition()), because);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string because)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException(because);
    }
}

using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Backup;
using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

public sealed class DutiesOverviewTests : DutiesAppTest
{
    private Task<DutiesSnapshot> SnapshotAsync() => InScope(sp => sp.GetRequiredService<DutiesOverview>().SnapshotAsync());

    private Task<RunNowResult> RunNowAsync() => InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(Duty.Name));

    [Fact]
    public async Task Snapshot_FakeClock_NextRunsInShanghaiTime()
    {
        var snapshot = await SnapshotAsync();

        Assert.Equal("Asia/Shanghai", snapshot.Zone);
        var counting = snapshot.Duties.Single(d => d.Name == Duty.Name);
        // 09:00 on the 1st, estate time: the October run has come, November's is next.
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 0, 0, Shanghai), counting.NextLocal);
        Assert.Equal(Shanghai, counting.NextLocal!.Value.Offset);
        Assert.Equal("2026-10", counting.LatestPeriod);
        var backup = snapshot.Duties.Single(d => d.Name == SqliteBackupDuty.DutyName);
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 2, 30, 0, Shanghai), backup.NextLocal);
        Assert.Equal([14], backup.DescriptionArguments);
        Assert.Equal([PropertyHub.Features.Notices.NoticeDelivery.JobId, EscalationSweep.JobId], snapshot.Jobs.Select(j => j.Id).Order(StringComparer.Ordinal));
        var sweep = snapshot.Jobs.Single(j => j.Id == EscalationSweep.JobId);
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 9, 31, 0, Shanghai), sweep.NextLocal);
    }

    [Fact]
    public async Task Snapshot_TwelveRuns_ShowsTheTenLatestInLocalTime()
    {
        var first = new DateTimeOffset(2025, 10, 1, 1, 0, 0, TimeSpan.Zero);
        var runs = Enumerable.Range(0, 12).Select(i => new ScheduledRun
        {
            Duty = Duty.Name,
            Period = first.AddMonths(i).ToString("yyyy-MM"),
            Status = i == 11 ? RunStatus.Failed : RunStatus.Succeeded,
            StartedAt = first.AddMonths(i),
            FinishedAt = first.AddMonths(i).AddMinutes(2),
            Attempts = i == 11 ? 3 : 1,
            Count = i == 11 ? 0 : 40 + i,
            Error = i == 11 ? "SmtpException: mailbox unavailable" : null,
        }).ToArray();
        await SeedRunsAsync([.. runs, new ScheduledRun { Duty = "another", Period = "2026-09", StartedAt = Now, Attempts = 1 }]);

        var shown = (await SnapshotAsync()).Duties.Single(d => d.Name == Duty.Name).Runs;

        Assert.Equal(Enumerable.Range(2, 10).Reverse().Select(i => first.AddMonths(i).ToString("yyyy-MM")), shown.Select(r => r.Period));
        var latest = shown[0];
        Assert.Equal((RunStatus.Failed, 3, 0, "SmtpException: mailbox unavailable"), (latest.Status, latest.Attempts, latest.Count, latest.Error));
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 0, 0, Shanghai), latest.StartedLocal);
        Assert.Equal(Shanghai, latest.StartedLocal.Offset);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 2, 0, Shanghai), latest.FinishedLocal);
        Assert.Equal(50, shown[1].Count);
    }

    [Fact]
    public async Task RunNow_Twice_RunsTheLatestPeriodOnceAndThenReportsAlreadyDone()
    {
        var first = await RunNowAsync();
        var second = await RunNowAsync();

        Assert.Equal(new RunNowResult("2026-10", RunOutcome.Ran, null), first);
        Assert.Equal(new RunNowResult("2026-10", RunOutcome.AlreadyDone, null), second);
        Assert.Equal(["2026-10"], Duty.Runs);
        var run = Assert.Single(await RunsAsync());
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Attempts));
    }

    [Fact]
    public async Task RunNow_Backup_OffersOnlyTheLatestNightAndRefusesAnEarlierOne()
    {
        var backup = (await SnapshotAsync()).Duties.Single(d => d.Name == SqliteBackupDuty.DutyName);
        var latest = Assert.Single(backup.Periods).Period;
        var earlier = DateOnly.ParseExact(latest, "yyyy-MM-dd").AddDays(-1).ToString("yyyy-MM-dd");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(SqliteBackupDuty.DutyName, earlier)));

        var folder = await InScope(sp => Task.FromResult(sp.GetServices<IScheduledDuty>().OfType<SqliteBackupDuty>().Single().Folder));
        Assert.False(File.Exists(Path.Combine(folder, $"propertyhub-{earlier}.db")));
    }

    [Fact]
    public async Task RunNow_FailingDuty_ReturnsTheRecordedErrorInsteadOfThrowing()
    {
        Duty.FailuresLeft = 1;

        var result = await RunNowAsync();

        Assert.Equal("2026-10", result.Period);
        Assert.Null(result.Outcome);
        Assert.Equal("InvalidOperationException: channel down", result.Error);
        var run = Assert.Single(await RunsAsync());
        Assert.Equal((RunStatus.Failed, "InvalidOperationException: channel down"), (run.Status, run.Error));
        Assert.Empty(Duty.Runs);
    }
}

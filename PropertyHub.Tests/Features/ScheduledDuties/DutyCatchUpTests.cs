using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>
/// Start-up catch-up with the <see cref="CountingDuty"/> (09:00 on the 1st of each month, Shanghai time) and a
/// catch-up limit of 3, so the limit is reached without years of history.
/// </summary>
public sealed class DutyCatchUpTests : IAsyncLifetime
{
    private readonly CountingDuty duty = new();
    // Tuesday 5 January 2027, 10:00 in Shanghai.
    private readonly JumpingClock clock = new(new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory factory = new() { SeedDemo = false, Settings = { ["ScheduledDuties:CatchUpLimit"] = "3" } };
    private WebApplicationFactory<Program> app = null!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IScheduledDuty>(duty);
            s.AddSingleton<TimeProvider>(clock);
        }));
        _ = app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<CatchUpResult> CatchUpAsync() => InScope(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

    private Task<Dictionary<string, RunStatus>> RunsAsync() => InScope(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ScheduledRuns.Where(r => r.Duty == duty.Name).ToDictionaryAsync(r => r.Period, r => r.Status);
    });

    /// <summary>The duty last ran for <paramref name="period"/>; then the app went down.</summary>
    private Task LastRanAsync(string period) => InScope(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.ScheduledRuns.Add(new ScheduledRun { Duty = duty.Name, Period = period, Status = RunStatus.Succeeded, StartedAt = clock.GetUtcNow().AddYears(-1), Attempts = 1 });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task CatchUp_DownOverThreeFirsts_RunsEachMissedPeriodOnceOldestFirst()
    {
        await LastRanAsync("2026-10");

        var first = await CatchUpAsync();
        var second = await CatchUpAsync();

        Assert.Equal(["2026-11", "2026-12", "2027-01"], duty.Runs);
        Assert.True(first.Ran >= 3); // the app's own duties, never run in this database, run their latest period too
        Assert.Equal(0, first.Skipped);
        Assert.Equal(0, second.Ran);
        Assert.Equal(0, second.Skipped);
        var runs = await RunsAsync();
        Assert.All(["2026-11", "2026-12", "2027-01"], p => Assert.Equal(RunStatus.Succeeded, runs[p]));
    }

    [Fact]
    public async Task CatchUp_MoreMissedThanTheLimit_RunsTheNewestAndRecordsTheOlderAsSkipped()
    {
        await LastRanAsync("2026-06");

        var result = await CatchUpAsync();

        // Missed: 2026-07 … 2027-01 (seven periods); the limit is 3.
        Assert.Equal(["2026-11", "2026-12", "2027-01"], duty.Runs);
        Assert.Equal(4, result.Skipped);
        var runs = await RunsAsync();
        Assert.All(["2026-07", "2026-08", "2026-09", "2026-10"], p => Assert.Equal(RunStatus.Skipped, runs[p]));

        // A skipped period stays skipped on the next start, and a person may still run it from the duties page.
        Assert.Equal(new CatchUpResult(0, 0), await CatchUpAsync());
        var byHand = await InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(duty.Name, "2026-08"));
        Assert.Equal(RunOutcome.Ran, byHand.Outcome);
        Assert.Equal(["2026-11", "2026-12", "2027-01", "2026-08"], duty.Runs);
        Assert.Equal(RunStatus.Succeeded, (await RunsAsync())["2026-08"]);
    }

    [Fact]
    public async Task CatchUp_OlderPeriodFails_LaterPeriodsWaitAndRunOnTheNextStart()
    {
        await LastRanAsync("2026-10");
        duty.FailuresLeft = 1;

        await CatchUpAsync();
        Assert.Empty(duty.Runs);
        var runs = await RunsAsync();
        Assert.Equal(RunStatus.Failed, runs["2026-11"]);
        Assert.False(runs.ContainsKey("2026-12"));

        await CatchUpAsync();
        Assert.Equal(["2026-11", "2026-12", "2027-01"], duty.Runs);
    }

    [Fact]
    public async Task ClockJumpsBack_AfterCatchUp_NothingRunsTwice()
    {
        await LastRanAsync("2026-10");
        await CatchUpAsync();

        // The clock is set back (NTP correction, a VM restored): to before December's run, then to just after it.
        clock.Set(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));
        await CatchUpAsync();
        await InScope(async sp => { await sp.GetRequiredService<DutyRunner>().RunDueAsync(duty.Name); return 0; });
        clock.Set(new DateTimeOffset(2026, 12, 1, 1, 5, 0, TimeSpan.Zero));
        await CatchUpAsync();
        await InScope(async sp => { await sp.GetRequiredService<DutyRunner>().RunDueAsync(duty.Name); return 0; });
        var byHand = await InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(duty.Name));

        Assert.Equal(["2026-11", "2026-12", "2027-01"], duty.Runs);
        Assert.Equal(("2026-12", RunOutcome.AlreadyDone), (byHand.Period, byHand.Outcome));
    }

    [Fact]
    public async Task RunNow_ChosenPeriod_RunsItOnceAndSaysSoTheSecondTime()
    {
        var snapshot = await InScope(sp => sp.GetRequiredService<DutiesOverview>().SnapshotAsync());
        var row = snapshot.Duties.Single(d => d.Name == duty.Name);
        Assert.Equal(DutiesOverview.PickablePeriods, row.Periods.Count);
        Assert.Equal(["2027-01", "2026-12", "2026-11"], row.Periods.Take(3).Select(p => p.Period));
        Assert.All(row.Periods, p => Assert.Null(p.Status));
        Assert.False(row.CanRunExtra);

        var first = await InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(duty.Name, "2026-09"));
        var second = await InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(duty.Name, "2026-09"));

        Assert.Equal(("2026-09", RunOutcome.Ran), (first.Period, first.Outcome));
        Assert.Equal(("2026-09", RunOutcome.AlreadyDone), (second.Period, second.Outcome));
        Assert.Equal(["2026-09"], duty.Runs);
        var after = await InScope(sp => sp.GetRequiredService<DutiesOverview>().SnapshotAsync());
        Assert.Equal(RunStatus.Succeeded, after.Duties.Single(d => d.Name == duty.Name).Periods.Single(p => p.Period == "2026-09").Status);
        // A period the duty does not offer is refused, not run.
        await Assert.ThrowsAsync<ArgumentException>(() => InScope(sp => sp.GetRequiredService<DutiesOverview>().RunNowAsync(duty.Name, "2025-01")));
        Assert.Equal(["2026-09"], duty.Runs);
    }
}

/// <summary>A clock a test can set backwards, as a real one may be (FakeTimeProvider refuses to go back in time).</summary>
public sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public void Set(DateTimeOffset utc) => Interlocked.Exchange(ref ticks, utc.UtcTicks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
}

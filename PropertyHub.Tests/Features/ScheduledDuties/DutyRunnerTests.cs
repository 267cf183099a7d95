using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.ScheduledDuties;

public sealed class DutyRunnerTests : IAsyncLifetime
{
    private readonly CountingDuty duty = new();
    // Tests move the clock forward from here; 09:00 Asia/Shanghai is 01:00 UTC.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 10, 15, 1, 30, 0, TimeSpan.Zero));
    private AppFactory factory = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = null!;

    public Task InitializeAsync()
    {
        factory = new AppFactory { SeedDemo = false };
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IScheduledDuty>(duty);
            s.AddSingleton<TimeProvider>(clock);
        }));
        _ = app.Services; // start the host once, before any test runs scopes in parallel
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

    private Task<RunOutcome> RunAsync(string period) =>
        InScope(sp => sp.GetRequiredService<DutyRunner>().RunAsync(duty, period, CancellationToken.None));

    private Task<List<ScheduledRun>> RunsAsync() => InScope(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<PropertyHub.Data.AppDbContext>>().CreateDbContextAsync();
        return await db.ScheduledRuns.Where(r => r.Duty == duty.Name).ToListAsync();
    });

    [Fact]
    public async Task Run_TwiceForOnePeriod_HasOneEffect()
    {
        Assert.Equal(RunOutcome.Ran, await RunAsync("2026-11"));
        Assert.Equal(RunOutcome.AlreadyDone, await RunAsync("2026-11"));

        Assert.Equal(["2026-11"], duty.Runs);
        var run = Assert.Single(await RunsAsync());
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Count);
    }

    [Fact]
    public async Task Run_DutyAboutEstatesWithNoEstateYet_RunsNothingAndLeavesThePeriodOpen()
    {
        duty.NeedsAnEstate = true;

        Assert.Equal(RunOutcome.NoEstateYet, await RunAsync("2026-11"));

        Assert.Empty(duty.Runs);
        Assert.Empty(await RunsAsync());
    }

    [Fact]
    public async Task Run_ConcurrentlyForOnePeriod_HasOneEffect()
    {
        duty.Delay = TimeSpan.FromMilliseconds(300);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync("2026-11"))));

        Assert.Single(duty.Runs);
        Assert.Equal(1, outcomes.Count(o => o == RunOutcome.Ran));
        Assert.Single(await RunsAsync());
    }

    [Fact]
    public async Task Run_FailedThenRetried_RunsAgainAndSucceedsOnce()
    {
        duty.FailuresLeft = 1;

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("2026-11"));
        var failed = Assert.Single(await RunsAsync());
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("channel down", failed.Error);

        Assert.Equal(RunOutcome.Ran, await RunAsync("2026-11"));
        Assert.Equal(RunOutcome.AlreadyDone, await RunAsync("2026-11"));
        var run = Assert.Single(await RunsAsync());
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempts);
        Assert.Single(duty.Runs);
    }

    [Fact]
    public async Task Run_CrashedHalfWay_IsTakenOverOnlyAfterTheLease()
    {
        // A run that started and never finished: the process died with the claim held.
        await InScope(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<PropertyHub.Data.AppDbContext>>().CreateDbContextAsync();
            db.ScheduledRuns.Add(new ScheduledRun { Duty = duty.Name, Period = "2026-11", Status = RunStatus.Running, StartedAt = clock.GetUtcNow(), Attempts = 1 });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(RunOutcome.InProgressElsewhere, await RunAsync("2026-11"));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(RunOutcome.Ran, await RunAsync("2026-11"));
        Assert.Single(duty.Runs);
    }

    [Fact]
    public async Task CatchUp_PeriodMissedWhileDown_RunsOnceOnly()
    {
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));

        var first = (await InScope(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None))).Ran;
        var second = (await InScope(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None))).Ran;

        Assert.Equal(["2026-11"], duty.Runs);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
    }

    [Fact]
    public async Task CatchUp_BeforeTheFirstOccurrenceOfTheMonth_RunsThePreviousMonth()
    {
        // 08:59 Shanghai on the 1st: November's run has not come yet, October's is the one missed.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 0, 59, 0, TimeSpan.Zero));

        await InScope(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

        Assert.Equal(["2026-10"], duty.Runs);
    }

    [Fact]
    public async Task RunDue_HangfireEntryPoint_UsesTheEstateTimeZonePeriod()
    {
        // 2026-11-30 17:00 UTC is already 01:00 on December 1st in Shanghai, before 09:00: still November.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        await InScope(async sp => { await sp.GetRequiredService<DutyRunner>().RunDueAsync(duty.Name); return 0; });
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        await InScope(async sp => { await sp.GetRequiredService<DutyRunner>().RunDueAsync(duty.Name); return 0; });

        Assert.Equal(["2026-11", "2026-12"], duty.Runs);
    }
}

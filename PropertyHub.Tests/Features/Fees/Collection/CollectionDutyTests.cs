using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Fees.Collection;

public sealed class CollectionDutyTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Shanghai: the duty was due on the 21st at 09:00 while the app was down.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory factory = new() { Settings = { ["Collection:BatchSize"] = "20" } };
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = null!;
    private HashSet<int> unpaid = [];

    public async Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        unpaid = await app.SeedManyAsync(units: 40);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    [Fact]
    public void Duty_Schedule_The21stAt0900ForTheMonth()
    {
        var duty = app.Services.GetServices<IScheduledDuty>().Single(d => d.Name == CollectionDuty.DutyName);
        var dutyClock = app.Services.GetRequiredService<DutyClock>();

        var latest = dutyClock.LatestOccurrence(duty, clock.GetUtcNow());
        var next = dutyClock.NextOccurrence(duty, clock.GetUtcNow());

        Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0), latest);
        Assert.Equal("2026-11", duty.PeriodOf(latest!.Value));
        Assert.Equal(new DateOnly(2026, 11, 1), CollectionDuty.MonthOf("2026-11"));
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task CatchUp_RunMissedWhileDown_TasksCreatedOnceOnStart()
    {
        var first = await CatchUpAsync();
        var second = await CatchUpAsync();

        await using var db = await app.DbAsync();
        var run = await db.ScheduledRuns.SingleAsync(r => r.Duty == CollectionDuty.DutyName);
        // The catch-up also ran the missed payment requests of the 15th: those are unpaid and past due as well.
        var owing = (await db.PaymentRequests.Where(r => r.Month <= new DateOnly(2026, 11, 1)).ToListAsync()).Count(r => r.Outstanding > 0);
        Assert.True(owing > unpaid.Count);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(("2026-11", RunStatus.Succeeded, owing), (run.Period, run.Status, run.Count));
        Assert.Equal(owing, await db.CollectionTasks.CountAsync());
    }

    [Fact]
    public async Task RunNow_TwiceAndAtOnce_OneTaskPerRequest()
    {
        var outcomes = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        await using var db = await app.DbAsync();
        Assert.Contains(RunOutcome.Ran, outcomes);
        Assert.Equal(RunOutcome.AlreadyDone, again);
        Assert.Equal(unpaid.Count, await db.CollectionTasks.CountAsync());
        Assert.Equal(unpaid.Count, await db.CollectionTasks.Select(t => t.PaymentRequestId).Distinct().CountAsync());
    }

    private async Task<int> CatchUpAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None);
    }

    private async Task<RunOutcome> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<DutyRunner>();
        return await runner.RunAsync(runner.Find(CollectionDuty.DutyName), "2026-11", CancellationToken.None);
    }
}

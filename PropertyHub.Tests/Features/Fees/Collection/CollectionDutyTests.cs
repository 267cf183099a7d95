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
        // The catch-up also issued the missed requests of the 15th, today (the 23rd): they are due on the 28th
        // (five days to pay), so they are not sent to the door in the same start; the seeded past-due ones are.
        var requests = await db.PaymentRequests.Where(r => r.Month <= new DateOnly(2026, 11, 1)).ToListAsync();
        var late = requests.Where(r => r.IssuedAt == clock.GetUtcNow()).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, r => Assert.Equal(new DateOnly(2026, 11, 28), r.DueDate));
        var owing = requests.Where(r => r.Outstanding > 0 && r.DueDate < new DateOnly(2026, 11, 23)).Select(r => r.Id).Order().ToList();
        Assert.Equal(unpaid.Order(), owing);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(("2026-11", RunStatus.Succeeded, owing.Count), (run.Period, run.Status, run.Count));
        Assert.Equal(owing, await db.CollectionTasks.Select(t => t.PaymentRequestId).OrderBy(id => id).ToListAsync());
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
        return (await scope.ServiceProvider.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None)).Ran;
    }

    private async Task<RunOutcome> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<DutyRunner>();
        return await runner.RunAsync(runner.Find(CollectionDuty.DutyName), "2026-11", CancellationToken.None);
    }
}

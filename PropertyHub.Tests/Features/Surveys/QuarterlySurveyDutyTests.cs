using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys;

public sealed class QuarterlySurveyDutyTests : IAsyncLifetime
{
    // Friday 2 October 2026, 10:00 in Shanghai: the quarter began yesterday at 09:00 while the app was down.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 10, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory factory = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = null!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    [Fact]
    public void Duty_Schedule_FirstDayOfEachQuarterAt0900()
    {
        var duty = app.Services.GetServices<IScheduledDuty>().Single(d => d.Name == QuarterlySurveyDuty.DutyName);
        var dutyClock = app.Services.GetRequiredService<DutyClock>();

        var latest = dutyClock.LatestOccurrence(duty, clock.GetUtcNow());
        var next = dutyClock.NextOccurrence(duty, clock.GetUtcNow());

        Assert.Equal(new DateTime(2026, 10, 1, 9, 0, 0), latest);
        Assert.Equal("2026-Q4", duty.PeriodOf(latest!.Value));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task CatchUp_QuarterMissedWhileDown_IssuedOnceOnStart()
    {
        var first = await CatchUpAsync();
        var second = await CatchUpAsync();

        await using var db = await app.DbAsync();
        var run = await db.ScheduledRuns.SingleAsync(r => r.Duty == QuarterlySurveyDuty.DutyName);
        var occupied = await db.OccupiedUnitsAsync();
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(("2026-Q4", RunStatus.Succeeded, occupied), (run.Period, run.Status, run.Count));
        Assert.Equal(occupied, await db.Surveys.CountAsync(s => s.Quarter == "2026-Q4"));
    }

    [Fact]
    public async Task RunNow_TwiceAndAtOnce_OneFormPerUnit()
    {
        var outcomes = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        await using var db = await app.DbAsync();
        Assert.Contains(RunOutcome.Ran, outcomes);
        Assert.Equal(RunOutcome.AlreadyDone, again);
        Assert.Equal(await db.OccupiedUnitsAsync(), await db.Surveys.CountAsync());
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
        return await runner.RunAsync(runner.Find(QuarterlySurveyDuty.DutyName), "2026-Q4", CancellationToken.None);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class SurveyIssuancePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Issue_ThreeAtOnceOnPostgres_EachUnitOnce()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("survey_" + Guid.NewGuid().ToString("N")[..8]),
            Settings = { ["Surveys:BatchSize"] = "25" },
        };

        var counts = await Task.WhenAll(factory.IssueAsync(), factory.IssueAsync(), factory.IssueAsync());

        await using var db = await factory.DbAsync();
        var occupied = await db.OccupiedUnitsAsync();
        Assert.Equal(occupied, counts.Sum());
        Assert.Equal(occupied, await db.Surveys.CountAsync());
        Assert.Equal(occupied, await db.PersonalLinks.CountAsync());
        Assert.Equal(occupied, await db.Notices.CountAsync(n => n.Channel == PropertyHub.Features.Notices.NoticeChannel.Letter));
    }
}

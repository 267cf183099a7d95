using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;
using PropertyHub.Tests.Features.Fees.Books;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>The real duties on the demo estate (Asia/Shanghai), the app down over several of their dates.</summary>
public sealed class MissedPeriodsTests : IAsyncLifetime
{
    private readonly ClockedAppFactory factory = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task<CatchUpResult> CatchUpAsync() => factory.WithAsync(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

    /// <summary>The duty last ran for <paramref name="period"/> before the app went down.</summary>
    private async Task LastRanAsync(string duty, string period)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.ScheduledRuns.Add(new ScheduledRun { Duty = duty, Period = period, Status = RunStatus.Succeeded, StartedAt = factory.Clock.GetUtcNow(), Attempts = 1 });
        await db.SaveChangesAsync();
    }

    private async Task<List<ScheduledRun>> RunsOfAsync(string duty)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ScheduledRuns.AsNoTracking().Where(r => r.Duty == duty).OrderBy(r => r.Period).ToListAsync();
    }

    [Fact]
    public async Task CatchUp_DownOverTwo15ths_BothMonthsBilledOldestFirstDueAfterMinDaysAndNotCollectedBeforeThen()
    {
        await LastRanAsync(PaymentRequestDuty.DutyName, "2026-09");
        await LastRanAsync(CollectionDuty.DutyName, "2026-09");
        // Down from September; back on Saturday 5 December 2026, 10:00 in Shanghai.
        factory.At(2026, 12, 5, 10);

        var first = await CatchUpAsync();
        var second = await CatchUpAsync();

        Assert.Equal(0, second.Ran);
        Assert.True(first.Ran >= 4);
        Assert.Equal(["2026-09", "2026-10", "2026-11"], (await RunsOfAsync(PaymentRequestDuty.DutyName)).Select(r => r.Period));
        Assert.Equal(["2026-09", "2026-10", "2026-11"], (await RunsOfAsync(CollectionDuty.DutyName)).Select(r => r.Period));
        await using (var db = await factory.CreateDbContextAsync())
        {
            var payers = await db.Units.CountAsync(u => u.Occupants.Any());
            var requests = await db.PaymentRequests.AsNoTracking().Include(r => r.Lines).ToListAsync();
            var october = requests.Where(r => r.Month == new DateOnly(2026, 10, 1)).ToList();
            var november = requests.Where(r => r.Month == new DateOnly(2026, 11, 1)).ToList();
            Assert.Equal((payers, payers), (october.Count, november.Count));
            // Oldest first: October was issued before November, so November carries October's amount as arrears.
            Assert.True(october.Max(r => r.Id) < november.Min(r => r.Id));
            var unit = november[0].UnitId;
            Assert.Equal(october.Single(r => r.UnitId == unit).Total, november.Single(r => r.UnitId == unit).Lines.Single(l => l.Kind == RequestLineKind.Arrears).Amount);
            // Issued on 5 December: due five days later, not on the 20th of months already past.
            Assert.All(requests, r => Assert.Equal(new DateOnly(2026, 12, 10), r.DueDate));
            // Nothing is sent to the door before it falls due, though both months' collection runs are done.
            Assert.Equal(0, await db.CollectionTasks.CountAsync());
        }

        // On the 10th the requests are due, not yet overdue; on the 21st the collection duty takes all that are unpaid.
        factory.At(2026, 12, 10, 18);
        Assert.Equal(0, await factory.WithAsync(sp => sp.GetRequiredService<CollectionTaskCreator>().CreateAsync(new DateOnly(2026, 12, 1), CancellationToken.None)));
        factory.At(2026, 12, 21, 9, 5);
        await factory.WithAsync(async sp => { await sp.GetRequiredService<DutyRunner>().RunDueAsync(CollectionDuty.DutyName); return 0; });
        await using var after = await factory.CreateDbContextAsync();
        Assert.Equal(await after.PaymentRequests.CountAsync(r => r.Month <= new DateOnly(2026, 11, 1)), await after.CollectionTasks.CountAsync());
    }

    [Fact]
    public async Task CatchUp_DownOverAQuarterStart_SurveyIssuedOnce()
    {
        await LastRanAsync(QuarterlySurveyDuty.DutyName, "2026-Q3");
        factory.At(2026, 10, 5, 10);

        await CatchUpAsync();
        await CatchUpAsync();

        var run = Assert.Single(await RunsOfAsync(QuarterlySurveyDuty.DutyName), r => r.Period != "2026-Q3");
        await using var db = await factory.CreateDbContextAsync();
        var occupied = await db.Units.CountAsync(u => u.Occupants.Any());
        Assert.Equal(("2026-Q4", RunStatus.Succeeded, occupied), (run.Period, run.Status, run.Count));
        Assert.Equal(occupied, await db.Surveys.CountAsync(s => s.Quarter == "2026-Q4"));
        Assert.Equal(occupied, await db.Surveys.Select(s => s.UnitId).Distinct().CountAsync());
    }

    [Fact]
    public async Task CatchUp_DownOver1JanuaryAnd1July_StatementDraftedForEachHalfYear()
    {
        await LastRanAsync(DisclosureDuty.DutyName, "2026-H1");
        // Down from September 2026 to 10 July 2027.
        factory.At(2027, 7, 10, 10);

        await CatchUpAsync();
        await CatchUpAsync();

        Assert.Equal(["2026-H1", "2026-H2", "2027-H1"], (await RunsOfAsync(DisclosureDuty.DutyName)).Select(r => r.Period));
        await using var db = await factory.CreateDbContextAsync();
        var estates = await db.Estates.CountAsync();
        var drafted = await db.Disclosures.AsNoTracking().GroupBy(d => d.HalfYear).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal([("2026-H2", estates), ("2027-H1", estates)], drafted.OrderBy(d => d.Key).Select(d => (d.Key, d.Count)));
    }
}

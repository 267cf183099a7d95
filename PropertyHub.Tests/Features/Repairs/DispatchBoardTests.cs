using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The supervisor's dispatch board: each engineer's day and week, overlaps marked, and the work orders to assign, paged.</summary>
public sealed class DispatchBoardTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private Task<T> Board<T>(string role, Func<WorkOrderService, Task<T>> read) => app.InScopeAs(role, sp => read(sp.GetRequiredService<WorkOrderService>()));

    [Fact]
    public async Task DayAndWeek_EachEngineersVisitsInOrder_OverlapsMarked()
    {
        var engineer = await app.DemoEngineerIdAsync();
        var other = await app.OtherEngineerIdAsync();
        var day = app.FreshDay();
        var first = await BookAsync(day, engineer, 9, 11);
        var overlapping = await BookAsync(day, engineer, 10, 12, acceptOverlap: true);
        var afternoon = await BookAsync(day, engineer, 14, 16);
        var others = await BookAsync(day, other, 9, 11);
        var nextDay = await BookAsync(day.AddDays(1), engineer, 9, 11);

        var board = await Board(Roles.Supervisor, s => s.DispatchBoardAsync(app.EstateId, day, 1));
        var week = await Board(Roles.Supervisor, s => s.DispatchBoardAsync(app.EstateId, day, 7));

        var mine = board.Engineers.Single(e => e.Id == engineer);
        Assert.Equal([first, overlapping, afternoon], mine.Visits.Select(v => v.WorkOrderId));
        Assert.Equal([true, true, false], mine.Visits.Select(v => v.Overlaps));
        Assert.False(Assert.Single(board.Engineers.Single(e => e.Id == other).Visits).Overlaps);
        Assert.Equal(2, board.OverlapCount);
        Assert.Equal(7, week.Dates.Count());
        Assert.Equal([nextDay], week.Engineers.Single(e => e.Id == engineer).On(day.AddDays(1)).Select(v => v.WorkOrderId));
        Assert.Contains(others, week.Engineers.Single(e => e.Id == other).On(day).Select(v => v.WorkOrderId));
    }

    [Fact]
    public async Task ToAssign_NewAndReworkOnly_EmergenciesFirst_PagedOnTheServer()
    {
        var normal = await app.NewOrderAsync();
        var emergency = await app.NewOrderAsync(RepairUrgency.Emergency);
        var booked = await BookAsync(app.FreshDay(), await app.DemoEngineerIdAsync(), 9, 11);

        var all = await Board(Roles.Supervisor, s => s.UnscheduledAsync(app.EstateId, new PageRequest(0, 500)));
        var firstPage = await Board(Roles.Supervisor, s => s.UnscheduledAsync(app.EstateId, new PageRequest(0, 1)));

        Assert.Contains(normal.Id, all.Rows.Select(r => r.Id));
        Assert.DoesNotContain(booked, all.Rows.Select(r => r.Id));
        Assert.True(all.Rows.ToList().FindIndex(r => r.Id == emergency.Id) < all.Rows.ToList().FindIndex(r => r.Id == normal.Id));
        Assert.Equal(RepairUrgency.Emergency, Assert.Single(firstPage.Rows).Urgency);
        Assert.Equal(all.Total, firstPage.Total);
    }

    [Fact]
    public async Task Board_ForAClerkOrAnEngineer_Refused()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => Board(Roles.Clerk, s => s.DispatchBoardAsync(app.EstateId, app.FreshDay(), 1)));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Board(Roles.Engineer, s => s.UnscheduledAsync(app.EstateId, new PageRequest(0, 10))));
    }

    [Fact]
    public async Task Appointment_WindowShorterThanTheExpectedDuration_RefusedWithReasonNothingWritten()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var before = await app.CountAllAsync();

        var result = await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer, 9, 10) with { ExpectedMinutes = 90 }));

        Assert.Equal("The window (60 min) is shorter than the expected duration (90 min): widen the window or shorten the duration.", Assert.Single(result.Errors).Message);
        Assert.Equal(before, await app.CountAllAsync());
    }

    private async Task<int> BookAsync(DateOnly day, string engineer, int from, int to, bool acceptOverlap = false)
    {
        var order = await app.NewOrderAsync();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer, from, to) with { AcceptOverlap = acceptOverlap })));
        return order.Id;
    }
}

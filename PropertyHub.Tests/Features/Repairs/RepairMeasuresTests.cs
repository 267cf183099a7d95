using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using MiniExcelLibs;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Repairs.Measures;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The repair measures (the follow-up rate, 100% or the ones missing; times, kept appointments, first-visit fixes) and the unit's repairs.</summary>
public sealed class RepairMeasuresTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);

    [Fact]
    public async Task FollowUpRate_TheOnesMissingListed_Then100Percent()
    {
        var first = await app.CompletedOrderAsync();
        var second = await app.CompletedOrderAsync();
        Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(first.Id, first.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null)));

        var half = await MeasuresAsync(Roles.Supervisor);
        var (workbook, name) = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<RepairMeasuresExport>().ExportAsync(app.EstateId, Today.AddDays(-1), Today));
        second = await app.LoadOrderAsync(second.Id);
        Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(second.Id, second.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null)));
        var all = await MeasuresAsync(Roles.Manager);

        Assert.Equal(second.Id, Assert.Single(half.Missing).WorkOrderId);
        Assert.Equal((2, 1, 0.5), (half.Total.Accepted, half.Total.FollowedUp, half.Total.FollowUpRate!.Value));
        Assert.Empty(all.Missing);
        Assert.Equal(1.0, all.Total.FollowUpRate);
        Assert.Equal(1.0, all.Total.FirstVisitFixRate);
        Assert.Equal(1.0, all.Total.SatisfactionRate);
        Assert.NotNull(all.Total.MedianHoursToSchedule);
        Assert.Equal(2, all.ByEngineer.Single().Accepted);
        Assert.Equal("Water", all.ByCategory.Single().Group);

        // The workbook holds the figures the page showed: per engineer with the total last, and the repair still to call back.
        Assert.EndsWith(".xlsx", name);
        using var stream = new MemoryStream(workbook);
        Assert.Equal(["By engineer", "By category", "By building", "Not followed up"], stream.GetSheetNames());
        var engineers = stream.Query(useHeaderRow: true, sheetName: "By engineer").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([.. half.ByEngineer.Select(r => r.Group), "Total"], engineers.Select(r => r["Group"]?.ToString()));
        var total = engineers[^1];
        Assert.Equal((half.Total.Orders, 2, 1, 50.0), (Number(total["Work orders"]), Number(total["Accepted"]), Number(total["Followed up"]), Convert.ToDouble(total["Follow-up rate %"])));
        Assert.Equal(half.Total.Reworks, Number(total["Reworks"]));
        Assert.Equal(half.Total.MedianHoursToSchedule!.Value, Convert.ToDouble(total["Hours to schedule (median)"]), 3);
        var missing = stream.Query(useHeaderRow: true, sheetName: "Not followed up").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(second.Id, Number(Assert.Single(missing)["Work order"]));

        // The chart draws the same figures: the follow-up rate at 50% then 100% for the engineer who did both.
        Assert.Equal([50.0], RepairMeasuresChart.Of([.. half.ByEngineer.Where(r => r.Accepted > 0)]).FollowUpPercent);
        Assert.Equal([100.0], RepairMeasuresChart.Of([.. all.ByEngineer.Where(r => r.Accepted > 0)]).FollowUpPercent);
    }

    [Fact]
    public void Chart_CountsEveryGroup_RatesOnlyThoseWithAcceptedRepairs_NamesTheOthers()
    {
        RepairMeasureRow Row(string group, int orders, int accepted, int followedUp, int firstFixes, int reworks) =>
            new(group, orders, accepted, followedUp, 0, 0, null, null, null, null, firstFixes, 0, 0, reworks);

        var chart = RepairMeasuresChart.Of([Row("Chen", 4, 3, 2, 1, 1), Row("Wang", 2, 0, 0, 0, 0), Row("Zhao", 1, 1, 1, 1, 0)]);

        Assert.Equal(["Chen", "Wang", "Zhao"], chart.Groups);
        Assert.Equal([4, 2, 1], chart.Raised);
        Assert.Equal([3, 0, 1], chart.Accepted);
        Assert.Equal([2, 0, 1], chart.FollowedUp);
        Assert.Equal([1, 0, 0], chart.Reworks);
        Assert.Equal(["Chen", "Zhao"], chart.RatedGroups);
        Assert.Equal([66.7, 100.0], chart.FollowUpPercent);
        Assert.Equal([33.3, 100.0], chart.FirstVisitFixPercent);
        Assert.Equal(["Wang"], chart.Unrated);
    }

    private static int Number(object? cell) => Convert.ToInt32(cell, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Measures_ForAClerk_Refused_UnitRepairs_PagedForStaffWhoSeeWorkOrders()
    {
        await app.NewOrderAsync();
        await app.NewOrderAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => MeasuresAsync(Roles.Clerk));
        var page = await app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<WorkOrderService>().UnitRepairsAsync(app.UnitId, new PageRequest(0, 1)));
        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            app.InScopeAs(Roles.Finance, sp => sp.GetRequiredService<WorkOrderService>().UnitRepairsAsync(app.UnitId, new PageRequest(0, 1))));

        Assert.Single(page.Rows);
        Assert.True(page.Total >= 2);
    }

    private Task<PropertyHub.Features.Repairs.Measures.RepairMeasuresReport> MeasuresAsync(string role) =>
        app.InScopeAs(role, sp => sp.GetRequiredService<WorkOrderService>().MeasuresAsync(app.EstateId, Today.AddDays(-1), Today));
}

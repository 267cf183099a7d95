using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs;
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
    }

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

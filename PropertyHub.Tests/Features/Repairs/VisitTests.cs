using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Repairs.Visits;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The engineer's phone: his day in time order, nobody else's visit, and the P4 checklist on the timeline.</summary>
public sealed class VisitTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task MyVisits_TheDaysOwnVisitsInTimeOrder()
    {
        var engineer = await app.DemoEngineerIdAsync();
        var other = await app.OtherEngineerIdAsync();
        var day = app.FreshDay();
        var afternoon = await app.NewOrderAsync();
        var morning = await app.NewOrderAsync();
        var someoneElses = await app.NewOrderAsync();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(afternoon.Id, afternoon.Version, Appointment(day, engineer, 14, 16))));
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(morning.Id, morning.Version, Appointment(day, engineer, 9, 11))));
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(someoneElses.Id, someoneElses.Version, Appointment(day, other, 9, 11))));

        var visits = await app.InScopeAs(Roles.Engineer, sp => sp.GetRequiredService<WorkOrderService>().MyVisitsAsync(day));

        Assert.Equal([morning.Id, afternoon.Id], visits.Select(v => v.WorkOrderId));
        Assert.All(visits, v => Assert.Equal("13800000000", v.Phone));
    }

    [Fact]
    public async Task Visit_SomeoneElses_RefusedByTheService()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));

        var mine = await app.InScopeAs(Roles.Engineer, sp => sp.GetRequiredService<WorkOrderService>().VisitAsync(order.Id));
        await app.OtherEngineerIdAsync();
        var theirs = await app.AsOtherEngineer(async s =>
        {
            var (visit, refusal) = await s.VisitAsync(order.Id);
            Assert.Null(visit);
            return RepairResult.Invalid("", refusal!);
        });
        var clerk = await app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<WorkOrderService>().VisitAsync(order.Id));

        Assert.Equal(order.Id, mine.Visit!.WorkOrderId);
        Assert.Equal("This visit is another engineer's.", Assert.Single(theirs.Errors).Message);
        Assert.Null(clerk.Visit);
    }

    [Fact]
    public async Task Finish_WithTheChecklist_RecordsWhatWasNotTickedAndTheResult()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        var ticked = Enum.GetValues<VisitCheck>().Where(c => c != VisitCheck.ShoeCovers).ToList();

        order = Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced", ticked, VisitResult.NeedsParts)));

        var entry = (await app.LoadAsync(order.ServiceRequestId)).Timeline.Where(t => t.Kind == TimelineKind.WorkOrder).OrderBy(t => t.Id).Last();
        Assert.Contains("Needs parts", entry.Text);
        Assert.Contains("P4 checklist not ticked: Shoe covers on", entry.Text);
        Assert.DoesNotContain("Uniform", entry.Text);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The work order's core on PostgreSQL (with the retrying execution strategy): one per request, and the whole life.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkOrderPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task CreatedTwiceAtOnce_OneWorkOrder_ThenTheWholeLifeToClosed()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("repairs_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var request = await LogRepairAsync(factory);
        var draft = RepairsTesting.FromRequest(request);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Run(factory, Roles.Clerk, s => s.CreateAsync(draft)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Errors.Any(e => e.Message == "This repair request already has a work order."));
        var order = results.Single(r => r.Succeeded).Order!;
        string engineer;
        await using (var db = await factory.CreateDbContextAsync())
            engineer = await db.Users.Where(u => u.Email == SignIn.DemoEmail(Roles.Engineer)).Select(u => u.Id).SingleAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);

        order = RepairsTesting.Ok(await Run(factory, Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, RepairsTesting.Appointment(tomorrow, engineer))));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, RepairsTesting.Signature)));
        Assert.False((await Run(factory, Roles.Clerk, s => s.CloseAsync(order.Id, order.Version))).Succeeded);
        order = RepairsTesting.Ok(await Run(factory, Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null)));
        Assert.False((await Run(factory, Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null))).Succeeded);
        order = RepairsTesting.Ok(await Run(factory, Roles.Clerk, s => s.CloseAsync(order.Id, order.Version)));

        await using var check = await factory.CreateDbContextAsync();
        var stored = await check.ServiceRequests.AsNoTracking().Include(r => r.Timeline).SingleAsync(r => r.Id == request.Id);
        Assert.Equal((WorkOrderStatus.Closed, RequestStatus.Closed), (order.Status, stored.Status));
        Assert.Equal(7, stored.Timeline.Count(t => t.Kind == TimelineKind.WorkOrder));
        Assert.Equal(1, await check.WorkOrders.CountAsync());
        Assert.Equal(1, await check.RepairFollowUps.CountAsync());
    }

    private static async Task<RepairResult> Run(AppFactory factory, string role, Func<WorkOrderService, Task<RepairResult>> action)
    {
        RepairResult? result = null;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<WorkOrderService>()));
        return result!;
    }

    private static async Task<ServiceRequest> LogRepairAsync(AppFactory factory)
    {
        ServiceRequest? request = null;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var unit = await db.Units.OrderBy(u => u.Id).Select(u => new { u.Id, u.Building!.EstateId }).FirstAsync();
            var result = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
            {
                EstateId = unit.EstateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
                UnitId = unit.Id, CallerName = "Ms Lin", Content = "The kitchen tap leaks",
            });
            request = result.Request;
        });
        return request!;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The occupant's signed acceptance (P4 六) on SQLite: the signature, rework, and paid work billed exactly once.</summary>
public sealed class AcceptanceTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Satisfied_WithSignature_CompletesAndKeepsTheSignature()
    {
        var order = await AwaitingAcceptanceAsync(paid: false);

        order = Ok(await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, "Quick and tidy", Signature)));

        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal((WorkOrderStatus.Completed, Signature), (stored.Status, stored.AcceptanceSignature));
        Assert.Equal("Washer replaced", stored.WorkDone);
        Assert.Null(stored.PaidServiceId);
        Assert.Contains(stored.Request!.Timeline, t => t.Text != null && t.Text.Contains("Quick and tidy"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("M 10 10")]
    public async Task EmptySignature_Refused_WritesNothing(string? signature)
    {
        var order = await AwaitingAcceptanceAsync(paid: true);
        var before = await CountsAsync();

        var result = await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, signature));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Signature", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(WorkOrderStatus.AwaitingAcceptance, (await app.LoadOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task NotSatisfied_BackToSchedulingAsRework_NothingBilled()
    {
        var order = await AwaitingAcceptanceAsync(paid: true);
        var services = (await CountsAsync()).PaidServices;

        order = Ok(await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, false, "Still drips", null)));

        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal((WorkOrderStatus.Rework, 1), (stored.Status, stored.ReworkCount));
        Assert.Null(stored.PaidServiceId);
        Assert.Equal(services, (await CountsAsync()).PaidServices);
    }

    [Fact]
    public async Task PaidRepair_AcceptedTwice_OnePaidService_BilledOnceOnTheNextPaymentRequest()
    {
        var order = await AwaitingAcceptanceAsync(paid: true);

        var first = app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, Signature));
        var second = app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, Signature));
        var results = await Task.WhenAll(first, second);
        var again = await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, results.First(r => r.Succeeded).Order!.Version, true, null, Signature));

        Assert.Single(results, r => r.Succeeded);
        Assert.False(again.Succeeded);
        await using var db = await app.CreateDbContextAsync();
        var stored = await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == order.Id);
        var service = await db.PaidServices.AsNoTracking().SingleAsync(s => s.Id == stored.PaidServiceId);
        Assert.Single(await db.PaidServices.AsNoTracking().Where(s => s.UnitId == app.UnitId && s.ServiceType.Contains($"{order.Id}")).ToListAsync());
        // 2 × 12.50 + 1.5 × 8.00 = 37.00, signed with the acceptance.
        Assert.Equal((37.00m, Signature), (service.Price, service.Signature));
        Assert.NotNull(service.SignedAt);

        var month = new DateOnly(service.ServiceDate.Year, service.ServiceDate.Month, 1).AddMonths(1);
        await IssueAsync(month);
        await IssueAsync(month.AddMonths(1));

        await using var after = await app.CreateDbContextAsync();
        var billedOn = (await after.PaidServices.AsNoTracking().SingleAsync(s => s.Id == service.Id)).PaymentRequestId;
        Assert.NotNull(billedOn);
        var line = Assert.Single(await after.PaymentRequestLines.AsNoTracking()
            .Where(l => l.Kind == RequestLineKind.PaidService && l.Amount == 37.00m && after.PaymentRequests.Any(r => r.Id == l.PaymentRequestId && r.UnitId == app.UnitId)).ToListAsync());
        Assert.Equal(billedOn, line.PaymentRequestId);
        Assert.Equal(month, (await after.PaymentRequests.AsNoTracking().SingleAsync(r => r.Id == billedOn)).Month);
    }

    [Theory]
    [InlineData("1", "12.505", "UnitPrice")]
    [InlineData("1.125", "12.50", "Quantity")]
    public async Task MaterialWithThreeDecimals_Refused_WritesNothing(string quantity, string price, string field)
    {
        var order = await InProgressAsync(paid: true);
        var before = await CountsAsync();

        var result = await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Tap washer", quantity, price));

        Assert.Equal(field, Assert.Single(result.Errors).Field);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(result.Errors).Message));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Material_OnFreeWork_Refused()
    {
        var order = await InProgressAsync(paid: false);

        var result = await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Tap washer", "1", "3.00"));

        Assert.False(result.Succeeded);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.WorkOrderMaterials.AnyAsync(m => m.WorkOrderId == order.Id));
    }

    private async Task<WorkOrder> InProgressAsync(bool paid)
    {
        await using (var db = await app.CreateDbContextAsync())
        {
            var occupant = await db.Occupants.Where(o => o.UnitId == app.UnitId).Select(o => o.Id).FirstAsync();
            var logged = await app.LogAsync(new Intake
            {
                EstateId = app.EstateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
                UnitId = app.UnitId, OccupantId = occupant, CallerName = "Ms Lin", Phone = "13800000000", Content = "The kitchen tap leaks",
            });
            Assert.True(logged.Succeeded);
            var order = Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(logged.Request!, paid: paid))));
            var engineer = await app.DemoEngineerIdAsync();
            order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
            return Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        }
    }

    private async Task<WorkOrder> AwaitingAcceptanceAsync(bool paid)
    {
        var order = await InProgressAsync(paid);
        if (paid)
        {
            order = Ok(await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Tap washer", "2", "12.50")));
            order = Ok(await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Sealing tape (m)", "1.5", "8")));
        }
        return Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
    }

    private async Task<(int PaidServices, int Materials, int Timeline, int Orders)> CountsAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.PaidServices.CountAsync(), await db.WorkOrderMaterials.CountAsync(), await db.TimelineEntries.CountAsync(), await db.WorkOrders.CountAsync());
    }

    private Task IssueAsync(DateOnly month) =>
        app.InScope(async sp => { await sp.GetRequiredService<PaymentRequestIssuer>().IssueAsync(month, CancellationToken.None); return 0; });
}

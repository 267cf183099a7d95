using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Repairs.FundCharges;
using PropertyHub.Tests.Features.Fund;

namespace PropertyHub.Tests.Features.Repairs.FundCharges;

/// <summary>A work order on the fund account's estate (the demo data's first), and charging it as a role.</summary>
public static class WorkOrderFundChargeTesting
{
    public const string Description = "3号楼电梯门机故障，更换门机板";

    public static async Task<WorkOrder> NewWorkOrderAsync(AppFactory factory)
    {
        WorkOrder? order = null;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            int estateId, unitId;
            await using (var db = await factory.CreateDbContextAsync())
            {
                estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
                unitId = await db.Units.Where(u => u.Building!.EstateId == estateId).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            }
            var logged = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
            {
                EstateId = estateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
                UnitId = unitId, CallerName = "Ms Lin", Content = Description,
            });
            Assert.True(logged.Succeeded);
            var created = await sp.GetRequiredService<WorkOrderService>().CreateAsync(RepairsTesting.FromRequest(logged.Request!));
            Assert.True(created.Succeeded);
            order = created.Order;
        });
        return order!;
    }

    public static Task<FundResult> ChargeAsync(FundScenario fund, string role, int workOrderId, string amount = "3200.00") =>
        fund.As(role, async sp =>
        {
            var charges = sp.GetRequiredService<WorkOrderFundCharges>();
            var draft = (await charges.DraftAsync(workOrderId))!;
            draft.Input.FundAccountId = fund.AccountId;
            draft.Input.Amount = amount;
            draft.Input.Counterparty = "福州安居电梯维保有限公司";
            draft.Input.CounterpartyAccount = "6222 0000 9999 0002";
            draft.Input.Date = new DateOnly(2026, 3, 10);
            return await charges.ChargeAsync(workOrderId, draft.Input);
        });
}

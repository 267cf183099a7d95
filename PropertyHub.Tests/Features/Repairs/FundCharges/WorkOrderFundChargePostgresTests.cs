using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Repairs.FundCharges;
using PropertyHub.Tests.Features.Fund;
using static PropertyHub.Tests.Features.Repairs.FundCharges.WorkOrderFundChargeTesting;

namespace PropertyHub.Tests.Features.Repairs.FundCharges;

/// <summary>Charging a work order to the fund on PostgreSQL (retrying strategy on): charged at once by several, one expenditure.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkOrderFundChargePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task ChargedSeveralTimesAtOnce_OneExpenditure_ThenFreedByTheRejection()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("wofund_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var fund = await new FundScenario(factory).OpenAsync();
        var order = await NewWorkOrderAsync(factory);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ChargeAsync(fund, Roles.Supervisor, order.Id))));

        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal("WorkOrderAlreadyCharged", r.Errors[""]));
        var id = results.Single(r => r.Ok).Id!.Value;
        var version = (await fund.EntryAsync(id)).Version;
        Assert.True((await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundApprovals>().RejectAsync(id, version, "重复"))).Ok);
        var charges = await fund.As(Roles.Clerk, sp => sp.GetRequiredService<WorkOrderFundCharges>().ChargesAsync(order.Id));
        Assert.Equal((id, FundEntryStatus.Rejected, false), (charges.Single().EntryId, charges.Single().Status, charges.Single().Active));
        Assert.True((await ChargeAsync(fund, Roles.Manager, order.Id)).Ok);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(2, await db.FundEntries.CountAsync(e => e.WorkOrderId == order.Id));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Reconciliation;
using static PropertyHub.Tests.Features.Fund.Reconciliation.ReconciliationTesting;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>
/// The reconciliation on PostgreSQL (Npgsql's retries on): the month end to end, and one statement imported at once by
/// two, then the month's duty run by three at once telling Finance once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReconciliationPostgresTests(PostgresServer server)
{
    private const string Number = "3501000012345678";

    private AppFactory NewFactory() => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = server.ConnectionString("rec_" + Guid.NewGuid().ToString("N")[..8]),
    };

    [PostgresFact]
    public async Task Month_ImportMatchExplainClose_ThenLocked()
    {
        await using var factory = NewFactory();
        var fund = await new FundScenario(factory).OpenAsync(number: Number);
        await LedgerMarchAsync(fund);

        var import = await ImportAsync(fund, MarchStatement(Number));
        var again = await ImportAsync(fund, MarchStatement(Number));
        var early = await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March));
        var interest = Assert.Single(await BankLinesAsync(fund, matched: false));
        Assert.True((await RecAsync(fund, r => r.ResolveAsync(interest.Id, new ResolveInput { Source = FundReceiptSource.Interest }))).Ok);
        var closed = await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March));
        var late = await fund.ReceiveAsync("1.00", new DateOnly(2026, 3, 31));

        Assert.Equal((3, 2), (import.Lines, import.Matched));
        Assert.Equal("StatementSameFileImported", again.Error);
        Assert.Equal("CloseBalancesDiffer", early.Errors[""]);
        Assert.True(closed.Ok);
        Assert.Equal("MonthClosed", late.Errors["Date"]);
        Assert.Equal(110_835.12m, (await ViewAsync(fund)).LedgerBalance);
    }

    [PostgresFact]
    public async Task Import_TheSameStatementTwiceAtOnce_StoredOnce()
    {
        await using var factory = NewFactory();
        var fund = await new FundScenario(factory).OpenAsync(number: Number);
        await LedgerMarchAsync(fund);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ImportAsync(fund, MarchStatement(Number))));

        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal("StatementSameFileImported", r.Error));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(3, await db.FundStatementLines.CountAsync());
        Assert.Equal(1, await db.FundMonths.CountAsync());
        Assert.Equal(2, await db.FundEntries.CountAsync(e => e.StatementLineId != null));

        // The month was opened by the import: three instances' duty runs at once open nothing and tell Finance once.
        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReconciliationDuties>().OpenMonthAsync(March);
        }));
        Assert.Equal([0, 0, 0], opened);
        Assert.Equal(1, await db.Notices.CountAsync(n => n.Kind == ReconciliationNotices.NoticeKind
            && n.SourceKey == ReconciliationNotices.SourceKey(fund.AccountId, March)));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.BankLists;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>The fund's core on PostgreSQL (with Npgsql's retries on): the flow end to end, and races that must leave one result.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FundPostgresTests(PostgresServer server)
{
    private AppFactory NewFactory() => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = server.ConnectionString("fund_" + Guid.NewGuid().ToString("N")[..8]),
        Settings = { ["Fund:SecondApprovalAbove"] = "50000.00" },
    };

    [PostgresFact]
    public async Task Flow_OnPostgres_RequestTwoApprovalsListPaidReversed()
    {
        await using var factory = NewFactory();
        var fund = await new FundScenario(factory).OpenAsync();
        Assert.True((await fund.ReceiveAsync("12345.67")).Ok);
        Assert.Equal("AmountTooManyDecimals", (await fund.ReceiveAsync("1.005")).Errors["Amount"]);
        var id = (await fund.RequestAsync("80000.00")).Id!.Value;

        Assert.True((await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Ok);
        Assert.Equal("SecondApproverMustDiffer", (await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Errors[""]);
        Assert.True((await fund.ApproveAsync(id, FundScenario.SecondManagerEmail)).Ok);
        var list = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId));
        var sheet = (await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SheetAsync(list.Id!.Value)))!;
        Assert.True((await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SubmitAsync(sheet.List.Id, sheet.List.Version))).Ok);
        var version = (await fund.EntryAsync(id)).Version;
        Assert.True((await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().MarkPaidAsync(id, version, new DateOnly(2026, 3, 12), "BK1"))).Ok);
        Assert.Equal(32_345.67m, (await fund.AccountAsync())!.Balance.Ledger);

        Assert.True((await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(id, "银行退票"))).Ok);
        Assert.Equal(112_345.67m, (await fund.AccountAsync())!.Balance.Ledger);
    }

    [PostgresFact]
    public async Task Reversal_TwiceAtOnce_OnlyOneReversingLine()
    {
        await using var factory = NewFactory();
        var fund = await new FundScenario(factory).OpenAsync();
        var receipt = (await fund.ReceiveAsync("500.00")).Id!.Value;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(receipt, "重复登记"))));

        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal("AlreadyReversed", r.Errors[""]));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.FundEntries.CountAsync(e => e.ReversalOfId == receipt));
    }

    [PostgresFact]
    public async Task BankList_TwoAtOnce_EachLineOnOneList_NumbersWithoutGaps()
    {
        await using var factory = NewFactory();
        var fund = await new FundScenario(factory).OpenAsync();
        for (var i = 1; i <= 3; i++)
        {
            var id = (await fund.RequestAsync($"{i}00.00")).Id!.Value;
            Assert.True((await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Ok);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId))));

        await using var db = await factory.CreateDbContextAsync();
        var lists = await db.BankExpenseLists.OrderBy(l => l.Seq).ToListAsync();
        Assert.Equal(lists.Select((_, i) => i + 1), lists.Select(l => l.Seq));
        Assert.Equal(3, lists.Sum(l => l.Lines));
        Assert.Equal(3, await db.FundEntries.CountAsync(e => e.BankExpenseListId != null && e.Status == FundEntryStatus.OnList));
        Assert.All(results, r => Assert.True(r.Ok || r.Errors[""] == "NothingToList"));
    }
}

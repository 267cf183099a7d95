using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Reconciliation;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>March 2026 on a fund account: a statement as the bank exports it, and the reconciliation's steps as Finance takes them.</summary>
public static class ReconciliationTesting
{
    public static readonly DateOnly March = new(2026, 3, 1);

    /// <summary>A CSV statement in the bank's layout: (date, signed amount, balance, reference, counterparty) per line.</summary>
    public static byte[] Statement(string account, params (string Date, decimal Amount, decimal Balance, string? Reference, string? Counterparty)[] lines)
    {
        var csv = new StringBuilder();
        csv.AppendLine("中国建设银行 账户明细");
        csv.AppendLine($"账号:{account},户名:某某小区维修基金");
        csv.AppendLine("交易日期,摘要,借方发生额,贷方发生额,余额,对方户名,交易流水号");
        foreach (var l in lines)
            csv.AppendLine($"{l.Date},摘要,{(l.Amount < 0 ? -l.Amount : "")},{(l.Amount > 0 ? l.Amount : "")},{l.Balance},{l.Counterparty},{l.Reference}");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The bank's March: the owners' 12,000.00 in, the repair's 1,200.00 out, 35.12 interest the ledger lacks.</summary>
    public static byte[] MarchStatement(string account) => Statement(account,
        ("2026-03-02", 12_000m, 112_000m, "LS001", "某某物业"),
        ("2026-03-12", -1_200m, 110_800m, "BK20260312001", "福州安居维修工程有限公司"),
        ("2026-03-21", 35.12m, 110_835.12m, "LS003", null));

    /// <summary>The ledger's March to go with it: the receipt and the paid expenditure.</summary>
    public static async Task LedgerMarchAsync(FundScenario fund)
    {
        Assert.True((await fund.ReceiveAsync("12000.00", new DateOnly(2026, 3, 2))).Ok);
        await fund.PaidExpenditureAsync("1200.00");
    }

    public static Task<ImportResult> ImportAsync(FundScenario fund, byte[] bytes, string name = "流水.csv") =>
        fund.As(Roles.Finance, sp => sp.GetRequiredService<StatementImport>().ImportAsync(fund.AccountId, bytes, name));

    public static Task<T> RecAsync<T>(FundScenario fund, Func<ReconciliationService, Task<T>> work, string role = Roles.Finance) =>
        fund.As(role, sp => work(sp.GetRequiredService<ReconciliationService>()));

    public static async Task<ReconciliationView> ViewAsync(FundScenario fund) =>
        (await RecAsync(fund, r => r.MonthAsync(fund.AccountId, March)))!;

    public static async Task<IReadOnlyList<StatementLineRow>> BankLinesAsync(FundScenario fund, bool matched) =>
        (await RecAsync(fund, r => r.BankLinesAsync(fund.AccountId, March, matched, new PageRequest(0, 100)))).Rows;
}

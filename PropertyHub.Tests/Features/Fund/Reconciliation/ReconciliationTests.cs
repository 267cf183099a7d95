using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.BankLists;
using PropertyHub.Features.Fund.Reconciliation;
using static PropertyHub.Tests.Features.Fund.Reconciliation.ReconciliationTesting;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>
/// The monthly reconciliation on SQLite: import refused for another account or a second time, automatic and manual
/// matching, explaining the rest, closing only when balanced, a closed month locked. One app; an account per test.
/// </summary>
public sealed class ReconciliationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(FundScenario Fund, string Number)> OpenAsync()
    {
        var number = "3501" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString();
        return (await new FundScenario(factory).OpenAsync(number: number), number);
    }

    private async Task<int> StatementsAsync(int accountId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.FundStatementLines.CountAsync(l => l.FundAccountId == accountId);
    }

    [Fact]
    public async Task Import_StatementOfAnotherAccount_RefusedAndNothingStored()
    {
        var (fund, _) = await OpenAsync();

        var result = await ImportAsync(fund, MarchStatement("3501000099998888"));

        Assert.Equal("StatementOtherAccount", result.Error);
        Assert.Equal("**** 8888", result.Args[0]);
        Assert.Equal(0, await StatementsAsync(fund.AccountId));
    }

    [Fact]
    public async Task Import_TheSameMonthTwice_RefusedWhetherSameFileOrNot_LinesNotDoubled()
    {
        var (fund, number) = await OpenAsync();
        var bytes = MarchStatement(number);

        var first = await ImportAsync(fund, bytes);
        var same = await ImportAsync(fund, bytes, "again.csv");
        var other = await ImportAsync(fund, Statement(number, ("2026-03-02", 12_000m, 112_000m, "LS001", null)));

        Assert.True(first.Ok, first.Error);
        Assert.Equal("StatementSameFileImported", same.Error);
        Assert.Equal("StatementMonthImported", other.Error);
        Assert.Equal(3, await StatementsAsync(fund.AccountId));
    }

    [Fact]
    public async Task Import_SpanningTwoMonths_Refused()
    {
        var (fund, number) = await OpenAsync();

        var result = await ImportAsync(fund, Statement(number, ("2026-03-31", 10m, 100_010m, null, null), ("2026-04-01", 10m, 100_020m, null, null)));

        Assert.Equal("StatementSeveralMonths", result.Error);
        Assert.Equal(0, await StatementsAsync(fund.AccountId));
    }

    [Fact]
    public async Task Import_MatchesAutomatically_CloseRefusedWithTheDifference_UntilTheInterestIsRecorded()
    {
        var (fund, number) = await OpenAsync();
        await LedgerMarchAsync(fund);

        var import = await ImportAsync(fund, MarchStatement(number));
        var refused = await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March));

        Assert.Equal((3, 2), (import.Lines, import.Matched));
        Assert.Equal("CloseBalancesDiffer", refused.Errors[""]);
        Assert.Equal("35.12", refused.Args[2]);
        var interest = Assert.Single(await BankLinesAsync(fund, matched: false));
        var resolved = await RecAsync(fund, r => r.ResolveAsync(interest.Id, new ResolveInput { Source = FundReceiptSource.Interest }));
        Assert.True(resolved.Ok);
        Assert.Equal(0m, (await ViewAsync(fund)).Difference);
        Assert.True((await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March))).Ok);
        Assert.True((await ViewAsync(fund)).Closed);
    }

    [Fact]
    public async Task ManualMatch_OneBankLineToTwoLedgerLines_OnlyWhenTheyAddUp_AndOnce()
    {
        var (fund, number) = await OpenAsync();
        var a = (await fund.ReceiveAsync("500.00", new DateOnly(2026, 3, 5))).Id!.Value;
        var b = (await fund.ReceiveAsync("700.00", new DateOnly(2026, 3, 6))).Id!.Value;
        await ImportAsync(fund, Statement(number, ("2026-03-06", 1_200m, 101_200m, "HZ-0306", "业主缴存")));
        var line = Assert.Single(await BankLinesAsync(fund, matched: false));

        var one = await RecAsync(fund, r => r.MatchAsync(line.Id, [a]));
        var both = await RecAsync(fund, r => r.MatchAsync(line.Id, [a, b]));
        var again = await RecAsync(fund, r => r.MatchAsync(line.Id, [a, b]));

        Assert.Equal("MatchAmountsDiffer", one.Errors[""]);
        Assert.True(both.Ok);
        Assert.Equal("LineAlreadyMatched", again.Errors[""]);
        Assert.Equal([a, b], Assert.Single(await BankLinesAsync(fund, matched: true)).LedgerIds);
        Assert.Equal(0, (await ViewAsync(fund)).UnmatchedLedger);
        Assert.True((await RecAsync(fund, r => r.UnmatchAsync(line.Id))).Ok);
        Assert.Equal(2, (await ViewAsync(fund)).UnmatchedLedger);
    }

    [Fact]
    public async Task Resolve_MoneyOutNeedsAnExplanation_AndCannotBeAReceipt()
    {
        var (fund, number) = await OpenAsync();
        await ImportAsync(fund, Statement(number, ("2026-03-20", -15m, 99_985m, "FEE01", "手续费")));
        var fee = Assert.Single(await BankLinesAsync(fund, matched: false));

        var bare = await RecAsync(fund, r => r.ResolveAsync(fee.Id, new ResolveInput()));
        var asReceipt = await RecAsync(fund, r => r.ResolveAsync(fee.Id, new ResolveInput { Source = FundReceiptSource.Other, Explanation = "x" }));
        var explained = await RecAsync(fund, r => r.ResolveAsync(fee.Id, new ResolveInput { Explanation = "银行汇划手续费，已向银行申请退还" }));

        Assert.Equal("ExplanationRequired", bare.Errors["Explanation"]);
        Assert.Equal("ReceiptOnlyForMoneyIn", asReceipt.Errors["Source"]);
        Assert.True(explained.Ok);
        var entry = await fund.EntryAsync(explained.Id!.Value);
        Assert.True(entry.IsAdjustment);
        Assert.Equal((FundEntryKind.Expenditure, 15m, new DateOnly(2026, 3, 20)), (entry.Kind, entry.Amount, entry.Date));
        Assert.Equal(0m, (await ViewAsync(fund)).Difference);
    }

    [Fact]
    public async Task LedgerLineTheBankNeverSaw_TakenBackInTheMonth_ThenBalanced()
    {
        var (fund, number) = await OpenAsync();
        var wrong = (await fund.ReceiveAsync("88.00", new DateOnly(2026, 3, 9))).Id!.Value;
        await ImportAsync(fund, Statement(number, ("2026-03-02", 10m, 100_010m, null, null)));
        var line = Assert.Single(await BankLinesAsync(fund, matched: false));
        Assert.Equal("MatchAmountsDiffer", (await RecAsync(fund, r => r.MatchAsync(line.Id, [wrong]))).Errors[""]);
        var missing = await RecAsync(fund, r => r.ResolveAsync(line.Id, new ResolveInput { Source = FundReceiptSource.OwnerContributions }));
        Assert.True(missing.Ok);

        var back = await RecAsync(fund, r => r.ReverseInMonthAsync(wrong, "重复登记"));

        Assert.True(back.Ok);
        var view = await ViewAsync(fund);
        Assert.Equal((0, 0, 0m), (view.UnmatchedLedger, view.UnmatchedBank, view.Difference));
    }

    [Fact]
    public async Task ClosedMonth_Locked_CorrectionsGoIntoAnOpenMonth()
    {
        var (fund, number) = await OpenAsync();
        var receipt = (await fund.ReceiveAsync("10.00", new DateOnly(2026, 3, 2))).Id!.Value;
        await ImportAsync(fund, Statement(number, ("2026-03-02", 10m, 100_010m, null, null)));
        Assert.True((await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March))).Ok);

        var intoMarch = await fund.ReceiveAsync("5.00", new DateOnly(2026, 3, 15));
        var expenseInMarch = await fund.RequestAsync("5.00");
        var takeBack = await RecAsync(fund, r => r.ReverseInMonthAsync(receipt, "更正"));
        var matched = Assert.Single(await BankLinesAsync(fund, matched: true));
        var unmatch = await RecAsync(fund, r => r.UnmatchAsync(matched.Id));
        var reimport = await ImportAsync(fund, Statement(number, ("2026-03-03", 1m, 100_011m, null, null)));
        var intoApril = await fund.ReceiveAsync("5.00", new DateOnly(2026, 4, 1));
        var reversedToday = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(receipt, "更正"));

        Assert.Equal("MonthClosed", intoMarch.Errors["Date"]);
        Assert.Equal("MonthClosed", expenseInMarch.Errors["Date"]);
        Assert.Equal("MonthClosed", takeBack.Errors[""]);
        Assert.Equal("MonthClosed", unmatch.Errors[""]);
        Assert.Equal("StatementMonthImported", reimport.Error);
        Assert.True(intoApril.Ok);
        Assert.True(reversedToday.Ok);
        Assert.True(FundMonth.Of((await fund.EntryAsync(reversedToday.Id!.Value)).Date) > March);
    }

    [Fact]
    public async Task ClosedMonth_PayingOnADayInIt_Refused()
    {
        var (fund, number) = await OpenAsync();
        await ImportAsync(fund, Statement(number, ("2026-03-02", 10m, 100_010m, null, null)));
        await fund.ReceiveAsync("10.00", new DateOnly(2026, 3, 2));
        Assert.True((await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March))).Ok);
        var input = FundScenario.Expenditure(fund.AccountId, "100.00");
        input.Date = new DateOnly(2026, 4, 2);
        var request = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().RequestExpenditureAsync(input));
        Assert.True((await fund.ApproveAsync(request.Id!.Value, SignIn.DemoEmail(Roles.Manager))).Ok);
        var list = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId));
        var sheet = (await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SheetAsync(list.Id!.Value)))!;
        await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SubmitAsync(sheet.List.Id, sheet.List.Version));
        var version = (await fund.EntryAsync(request.Id.Value)).Version;

        var paid = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().MarkPaidAsync(request.Id.Value, version, new DateOnly(2026, 3, 31), "BK1"));

        Assert.Equal("MonthClosed", paid.Errors["PaidOn"]);
    }

    [Fact]
    public async Task Reconciliation_ReadOnlyForTheManager_NotAllowedToImportOrClose()
    {
        var (fund, number) = await OpenAsync();

        var import = await fund.As(Roles.Manager, sp => sp.GetRequiredService<StatementImport>().ImportAsync(fund.AccountId, MarchStatement(number), "s.csv"));
        var close = await RecAsync(fund, r => r.CloseAsync(fund.AccountId, March), Roles.Manager);

        Assert.Equal("NotAllowed", import.Error);
        Assert.Equal("NotAllowed", close.Errors[""]);
        Assert.NotNull(await RecAsync(fund, r => r.MonthAsync(fund.AccountId, March), Roles.Manager));
    }
}

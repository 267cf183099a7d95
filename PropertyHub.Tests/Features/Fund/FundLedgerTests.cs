using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>Fund accounts and the ledger on SQLite: what is accepted, what is refused (writing nothing), balances and reversals.</summary>
public sealed class FundLedgerTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private FundScenario fund = null!;

    /// <summary>One app for the class; each test opens an account of its own.</summary>
    public async Task InitializeAsync() => fund = await new FundScenario(factory).OpenAsync(number: FundScenario.UniqueNumber());

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> EntriesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.FundEntries.CountAsync(e => e.FundAccountId == fund.AccountId);
    }

    [Fact]
    public async Task OpenAccount_ShowsOnlyTheLastFourDigits_AndTheSameNumberTwiceIsRefused()
    {
        var accounts = await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundService>().AccountsAsync());
        var again = await new FundScenario(factory).As(Roles.Finance, sp => sp.GetRequiredService<FundService>().OpenAccountAsync(new FundAccountInput
        {
            EstateId = accounts[0].EstateId, BankName = "另一家银行", AccountNumber = fund.Number.Replace(" ", "", StringComparison.Ordinal), OpeningBalance = "0", OpeningDate = FundScenario.Opened,
        }));

        var account = accounts.Single(a => a.Id == fund.AccountId);
        Assert.Equal("**** 5678", account.MaskedNumber);
        Assert.Equal(100_000m, account.Balance.Ledger);
        Assert.Equal("AccountNumberTaken", again.Errors["AccountNumber"]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(accounts.Count, await db.FundAccounts.CountAsync());
    }

    [Theory]
    [InlineData("12.345", "AmountTooManyDecimals")]
    [InlineData("1,00.00", "AmountNotNumber")]
    [InlineData("1,0000.00", "AmountNotNumber")]
    [InlineData("-5", "AmountNotNumber")]
    [InlineData("0.00", "AmountMustBePositive")]
    [InlineData("", "AmountRequired")]
    public async Task Receipt_BadAmount_RefusedWithTheReasonAndNothingWritten(string amount, string error)
    {
        var result = await fund.ReceiveAsync(amount);

        Assert.Equal(error, result.Errors[nameof(FundReceiptInput.Amount)]);
        Assert.Equal(0, await EntriesAsync());
    }

    [Fact]
    public async Task Receipt_ThousandsSeparators_Taken()
    {
        var result = await fund.ReceiveAsync("1,234.56");

        Assert.True(result.Ok);
        Assert.Equal(101_234.56m, (await fund.AccountAsync())!.Balance.Ledger);
    }

    [Fact]
    public async Task Receipt_FullWidthDigitsAndTwoDecimals_PostedAtOnce()
    {
        var result = await fund.ReceiveAsync("１２３４.５０");

        Assert.True(result.Ok);
        Assert.Equal(101_234.50m, (await fund.AccountAsync())!.Balance.Ledger);
    }

    [Fact]
    public async Task Receipt_DatedBeforeTheOpeningOrInTheFuture_Refused()
    {
        var before = await fund.ReceiveAsync("10.00", FundScenario.Opened.AddDays(-1));
        var future = await fund.ReceiveAsync("10.00", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2));

        Assert.Equal("DateBeforeOpening", before.Errors["Date"]);
        Assert.Equal("DateInFuture", future.Errors["Date"]);
        Assert.Equal(0, await EntriesAsync());
    }

    [Fact]
    public async Task Expenditure_WithoutUsageItem_Refused()
    {
        var result = await fund.RequestAsync("500.00", usage: null);

        Assert.Equal("UsageItemRequired", result.Errors[nameof(FundExpenditureInput.UsageItem)]);
        Assert.Equal(0, await EntriesAsync());
    }

    [Fact]
    public async Task CommitteeExpense_WithoutTheAssemblyDecision_Refused_WithItAccepted()
    {
        var without = await fund.RequestAsync("800.00", FundUsageItem.CommitteeActivities);
        var with = await fund.RequestAsync("800.00", FundUsageItem.CommitteeActivities, "业主大会决议〔2026〕3号");

        Assert.Equal("DecisionReferenceRequired", without.Errors[nameof(FundExpenditureInput.DecisionReference)]);
        Assert.True(with.Ok);
        var entry = await fund.EntryAsync(with.Id!.Value);
        Assert.Equal(("业主大会决议〔2026〕3号", FundEntryStatus.Requested), (entry.DecisionReference, entry.Status));
        Assert.Equal(1, await EntriesAsync());
    }

    [Fact]
    public async Task Expenditure_OtherUsageItem_DropsADecisionReference()
    {
        var result = await fund.RequestAsync("800.00", FundUsageItem.Renewal, "业主大会决议〔2026〕3号");

        Assert.Null((await fund.EntryAsync(result.Id!.Value)).DecisionReference);
    }

    [Fact]
    public async Task Expenditure_OverWhatIsLeftAfterEarlierRequests_WarnsAndWritesNothing_UntilConfirmed()
    {
        Assert.True((await fund.RequestAsync("60000.00")).Ok);

        var warned = await fund.RequestAsync("40000.01");
        var exact = await fund.RequestAsync("40000.00");
        var confirmed = await fund.RequestAsync("0.01", confirmed: true);

        Assert.Equal(("OverBalance", false), (warned.Warning, warned.Ok));
        Assert.True(exact.Ok);
        Assert.True(confirmed.Ok);
        var balance = (await fund.AccountAsync())!.Balance;
        Assert.Equal((100_000m, 100_000.01m, -0.01m), (balance.Ledger, balance.Committed, balance.Available));
        Assert.Equal(3, await EntriesAsync());
    }

    [Fact]
    public async Task Reversal_OfAReceipt_AddsTheOppositeLine_AndASecondReversalIsRefused()
    {
        var receipt = (await fund.ReceiveAsync("2000.00")).Id!.Value;

        var reversal = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(receipt, "重复登记"));
        var again = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(receipt, "再次冲销"));
        var ofReversal = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(reversal.Id!.Value, "冲销冲销"));

        Assert.True(reversal.Ok);
        Assert.Equal("AlreadyReversed", again.Errors[""]);
        Assert.Equal("CannotReverseReversal", ofReversal.Errors[""]);
        var line = await fund.EntryAsync(reversal.Id!.Value);
        Assert.Equal((-2000m, receipt, "重复登记"), (line.Amount, line.ReversalOfId, line.Reason));
        Assert.Equal(100_000m, (await fund.AccountAsync())!.Balance.Ledger);
        Assert.Equal(2, await EntriesAsync());
    }

    [Fact]
    public async Task Reversal_WithoutReasonOrOfAnUnpaidRequest_Refused()
    {
        var receipt = (await fund.ReceiveAsync("2000.00")).Id!.Value;
        var request = (await fund.RequestAsync("300.00")).Id!.Value;

        var noReason = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(receipt, "  "));
        var unpaid = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(request, "不需要了"));

        Assert.Equal("ReasonRequired", noReason.Errors["Reason"]);
        Assert.Equal("OnlyPostedReversed", unpaid.Errors[""]);
        Assert.Equal(2, await EntriesAsync());
    }

    [Fact]
    public async Task Ledger_PagedOnTheServer_NewestFirst_WithTheWholeCount()
    {
        for (var day = 1; day <= 7; day++)
            Assert.True((await fund.ReceiveAsync($"{day}.00", new DateOnly(2026, 2, day))).Ok);

        var first = await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundService>().PageAsync(fund.AccountId, FundLedgerFilter.All, new PageRequest(0, 3)));
        var last = await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundService>().PageAsync(fund.AccountId, FundLedgerFilter.All, new PageRequest(6, 3)));
        var expenditures = await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundService>().PageAsync(fund.AccountId, FundLedgerFilter.Expenditures, new PageRequest(0, 3)));

        Assert.Equal((7, 3), (first.Total, first.Rows.Count));
        Assert.Equal([7m, 6m, 5m], first.Rows.Select(r => r.Amount));
        Assert.Equal([1m], last.Rows.Select(r => r.Amount));
        Assert.Equal(0, expenditures.Total);
    }

    [Fact]
    public async Task Ledger_AsAClerk_Refused()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            fund.As(Roles.Clerk, sp => sp.GetRequiredService<FundService>().PageAsync(fund.AccountId, FundLedgerFilter.All, new PageRequest(0, 10))));
    }
}

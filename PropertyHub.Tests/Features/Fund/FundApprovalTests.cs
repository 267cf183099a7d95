using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.BankLists;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>The expenditure flow on SQLite: approval and its threshold (set to 50,000.00 here), the bank list, paid, reversed.</summary>
public sealed class FundApprovalTests(FundApprovalTests.App factory) : IClassFixture<FundApprovalTests.App>, IAsyncLifetime
{
    /// <summary>One app for the class, with the threshold at 50,000.00; each test opens an account of its own.</summary>
    public sealed class App : AppFactory
    {
        public App() => Settings["Fund:SecondApprovalAbove"] = "50000.00";
    }

    private FundScenario fund = null!;
    private static readonly string Manager = SignIn.DemoEmail(Roles.Manager);

    public async Task InitializeAsync() => fund = await new FundScenario(factory).OpenAsync(number: FundScenario.UniqueNumber());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approval_AtTheThreshold_OneManagerSuffices()
    {
        var id = (await fund.RequestAsync("50000.00")).Id!.Value;

        var result = await fund.ApproveAsync(id, Manager);

        Assert.True(result.Ok);
        var entry = await fund.EntryAsync(id);
        Assert.Equal((FundEntryStatus.Approved, "林志明", null), (entry.Status, entry.FirstApprovedBy, entry.SecondApprovedBy));
    }

    [Fact]
    public async Task Approval_AboveTheThreshold_TheSameManagerTwiceIsRefused_AnotherManagerApproves()
    {
        var id = (await fund.RequestAsync("50000.01", confirmed: true)).Id!.Value;

        var first = await fund.ApproveAsync(id, Manager);
        var sameAgain = await fund.ApproveAsync(id, Manager);
        Assert.Equal(FundEntryStatus.AwaitingSecondApproval, (await fund.EntryAsync(id)).Status);
        var second = await fund.ApproveAsync(id, FundScenario.SecondManagerEmail);

        Assert.True(first.Ok);
        Assert.Equal("SecondApproverMustDiffer", sameAgain.Errors[""]);
        Assert.True(second.Ok);
        var entry = await fund.EntryAsync(id);
        Assert.Equal((FundEntryStatus.Approved, "林志明", "吴建华"), (entry.Status, entry.FirstApprovedBy, entry.SecondApprovedBy));
    }

    [Fact]
    public async Task Approval_TwoManagersOnTheSameVersion_OnlyOneCounts()
    {
        var id = (await fund.RequestAsync("60000.00", confirmed: true)).Id!.Value;
        var version = (await fund.EntryAsync(id)).Version;

        var one = await fund.AsEmail(Manager, sp => sp.GetRequiredService<FundApprovals>().ApproveAsync(id, version));
        var other = await fund.AsEmail(FundScenario.SecondManagerEmail, sp => sp.GetRequiredService<FundApprovals>().ApproveAsync(id, version));

        Assert.True(one.Ok);
        Assert.Equal("ConcurrencyConflict", other.Errors[""]);
        Assert.Equal(FundEntryStatus.AwaitingSecondApproval, (await fund.EntryAsync(id)).Status);
    }

    [Fact]
    public async Task Approval_ByFinance_Refused()
    {
        var id = (await fund.RequestAsync("100.00")).Id!.Value;

        var result = await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Finance));

        Assert.Equal("NotAllowed", result.Errors[""]);
        Assert.Equal(FundEntryStatus.Requested, (await fund.EntryAsync(id)).Status);
    }

    [Fact]
    public async Task Rejected_NeedsAReason_ThenPromisesNothing_AndCannotBeApproved()
    {
        var id = (await fund.RequestAsync("3000.00")).Id!.Value;
        var version = (await fund.EntryAsync(id)).Version;

        var noReason = await fund.AsEmail(Manager, sp => sp.GetRequiredService<FundApprovals>().RejectAsync(id, version, ""));
        var rejected = await fund.AsEmail(Manager, sp => sp.GetRequiredService<FundApprovals>().RejectAsync(id, version, "报价过高，请重新询价"));
        var approve = await fund.ApproveAsync(id, Manager);

        Assert.Equal("ReasonRequired", noReason.Errors["Reason"]);
        Assert.True(rejected.Ok);
        Assert.Equal("NotAwaitingApproval", approve.Errors[""]);
        Assert.Equal(0m, (await fund.AccountAsync())!.Balance.Committed);
    }

    [Fact]
    public async Task BankList_TakesOnlyApprovedLines_NumberedPerYear_PaidOnlyAfterSubmitted()
    {
        var approved = (await fund.RequestAsync("1200.00")).Id!.Value;
        var waiting = (await fund.RequestAsync("800.00")).Id!.Value;
        Assert.True((await fund.ApproveAsync(approved, Manager)).Ok);
        BankListService Lists(IServiceProvider sp) => sp.GetRequiredService<BankListService>();

        var list = await fund.As(Roles.Finance, sp => Lists(sp).CreateAsync(fund.AccountId));
        var nothingLeft = await fund.As(Roles.Finance, sp => Lists(sp).CreateAsync(fund.AccountId));
        var sheet = (await fund.As(Roles.Finance, sp => Lists(sp).SheetAsync(list.Id!.Value)))!;
        var paidTooEarly = await fund.As(Roles.Finance, async sp => await Lists(sp).MarkPaidAsync(approved, (await fund.EntryAsync(approved)).Version, new DateOnly(2026, 3, 12), "BK1"));
        Assert.True((await fund.As(Roles.Finance, sp => Lists(sp).SubmitAsync(sheet.List.Id, sheet.List.Version))).Ok);
        var noReference = await fund.As(Roles.Finance, async sp => await Lists(sp).MarkPaidAsync(approved, (await fund.EntryAsync(approved)).Version, new DateOnly(2026, 3, 12), " "));
        var paid = await fund.As(Roles.Finance, async sp => await Lists(sp).MarkPaidAsync(approved, (await fund.EntryAsync(approved)).Version, new DateOnly(2026, 3, 12), "BK20260312001"));
        var notListed = await fund.As(Roles.Finance, async sp => await Lists(sp).MarkPaidAsync(waiting, (await fund.EntryAsync(waiting)).Version, new DateOnly(2026, 3, 12), "BK2"));

        Assert.Matches(@"^ZJ\d{4}-001$", sheet.List.Number);
        Assert.Equal(("福州安居维修工程有限公司", "6222 0000 9999 0001", 1200m), (sheet.Lines.Single().Payee, sheet.Lines.Single().PayeeAccount, sheet.Lines.Single().Amount));
        Assert.Equal("NothingToList", nothingLeft.Errors[""]);
        Assert.Equal("ListNotSubmitted", paidTooEarly.Errors[""]);
        Assert.Equal("BankReferenceRequired", noReference.Errors["BankReference"]);
        Assert.True(paid.Ok);
        Assert.Equal("NotOnList", notListed.Errors[""]);
        var balance = (await fund.AccountAsync())!.Balance;
        Assert.Equal((98_800m, 800m), (balance.Ledger, balance.Committed));
    }

    [Fact]
    public async Task PaidExpenditure_Reversed_RestoresTheBalance()
    {
        var id = await fund.PaidExpenditureAsync("2500.00");
        Assert.Equal(97_500m, (await fund.AccountAsync())!.Balance.Ledger);

        var reversal = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(id, "银行退票"));

        Assert.True(reversal.Ok);
        var line = await fund.EntryAsync(reversal.Id!.Value);
        Assert.Equal((FundEntryKind.Expenditure, FundEntryStatus.Paid, -2500m), (line.Kind, line.Status, line.Amount));
        Assert.Equal(100_000m, (await fund.AccountAsync())!.Balance.Ledger);
    }

    [Fact]
    public async Task BankList_Export_OneRowPerLineWithPayeeAccountAmountAndPurpose()
    {
        var id = (await fund.RequestAsync("1200.00")).Id!.Value;
        Assert.True((await fund.ApproveAsync(id, Manager)).Ok);
        var list = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId));

        (byte[] Bytes, string FileName)? file = null;
        await PropertyHub.Tests.Features.Registry.RegistryTesting.InCultureAsync("zh-Hans", async () =>
            file = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListExport>().ExportAsync(list.Id!.Value)));

        var cells = XlsxCells.Read(file!.Value.Bytes).Select(c => c.Value).ToList();
        Assert.Contains("福州安居维修工程有限公司", cells);
        Assert.Contains("6222 0000 9999 0001", cells);
        Assert.Contains(cells, c => decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount == 1200m);
        Assert.Contains("3号楼屋面防水", cells);
        Assert.Contains(cells, c => c is not null && c.Contains(" ZJ", StringComparison.Ordinal));
        Assert.Equal(2, cells.Count(c => decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount == 1200m));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file.Value.Bytes));
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.Contains("#,##0.00", await styles.ReadToEndAsync(), StringComparison.Ordinal);
        // Named in the user's language; every column has its width; the header row (2) frozen in view and filtered,
        // the filter covering the header and the one line — not the title above nor the total below (row 4).
        Assert.Matches(@"^维修基金支出清单 ZJ\d{4}-\d{3}\.xlsx$", file.Value.FileName);
        var sheet = System.Xml.Linq.XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var all = sheet.Descendants().ToList();
        // (MiniExcel adds the cell padding, under one character, to each width.)
        var widths = all.Where(e => e.Name.LocalName == "col").OrderBy(e => (int)e.Attribute("min")!)
            .Select(e => double.Parse((string)e.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(BankListExport.Widths.Length, widths.Count);
        Assert.All(BankListExport.Widths.Zip(widths), w => Assert.InRange(w.Second, w.First, w.First + 1));
        Assert.Equal("A2:E3", (string?)Assert.Single(all, e => e.Name.LocalName == "autoFilter").Attribute("ref"));
        var pane = Assert.Single(all, e => e.Name.LocalName == "pane");
        Assert.Equal(("A3", "frozen"), ((string?)pane.Attribute("topLeftCell"), (string?)pane.Attribute("state")));
    }

    [Fact]
    public async Task BankList_LineRejectedMeanwhile_IsNotListed()
    {
        var a = (await fund.RequestAsync("100.00")).Id!.Value;
        var b = (await fund.RequestAsync("200.00")).Id!.Value;
        Assert.True((await fund.ApproveAsync(a, Manager)).Ok);
        Assert.True((await fund.ApproveAsync(b, Manager)).Ok);
        Assert.True((await fund.AsEmail(Manager, async sp => await sp.GetRequiredService<FundApprovals>().RejectAsync(b, (await fund.EntryAsync(b)).Version, "合同取消"))).Ok);

        var list = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId));

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal([a], await db.FundEntries.Where(e => e.BankExpenseListId == list.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(100m, (await db.BankExpenseLists.SingleAsync(l => l.FundAccountId == fund.AccountId)).Total);
    }
}

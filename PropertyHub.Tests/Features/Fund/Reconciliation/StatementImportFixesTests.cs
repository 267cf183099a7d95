using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Resources;
using PropertyHub.Tests.Features.Registry;
using static PropertyHub.Tests.Features.Fund.Reconciliation.ReconciliationTesting;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>
/// What the maintenance fund's trial found in the statement import and the reconciliation page: files in an unknown
/// layout with account lines above the headers, an account named where no common label says, CCB's bracketed headers,
/// the mapping screen's preselection, picking the same file again, and the page's wording and figures.
/// </summary>
public sealed class StatementImportFixesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static int banks;

    private static StatementRead Read(string csv, StatementColumns? columns = null) =>
        StatementReader.Read(Encoding.UTF8.GetBytes(csv), "x.csv", columns ?? StatementColumns.Common);

    /// <summary>An unknown layout with a line of account details above its header row, as Chinese exports have.</summary>
    private static string OddWithAccountLine(string label, string account, string date = "2026-03-21", decimal amount = 35.12m, decimal balance = 100_035.12m) =>
        $"{label},{account},户名,某某小区维修基金\n记账日,发生金额,账面余额,附注说明\n{date},{amount},{balance},利息\n";

    private async Task<(FundScenario Fund, string Number)> OpenAsync(string bank)
    {
        var number = "3502" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString();
        var fund = await new FundScenario(factory).OpenAsync(number: number);
        await using var db = await factory.CreateDbContextAsync();
        (await db.FundAccounts.SingleAsync(a => a.Id == fund.AccountId)).BankName = bank;
        await db.SaveChangesAsync();
        return (fund, number);
    }

    private Task<ImportResult> ImportMappedAsync(FundScenario fund, string csv, Dictionary<StatementField, string>? mapping) =>
        fund.As(Roles.Finance, sp => sp.GetRequiredService<StatementImport>().ImportAsync(fund.AccountId, Encoding.UTF8.GetBytes(csv), "x.csv", mapping));

    [Fact]
    public void UnknownLayout_AccountLineAboveTheHeaders_IsNotTakenForTheHeaderRow()
    {
        var read = Read(OddWithAccountLine("账号", "3501000012345678"));

        Assert.Equal(["记账日", "发生金额", "账面余额", "附注说明"], read.Headers);
        Assert.Contains("账号", read.AccountPlaces);
    }

    [Fact]
    public void CcbFullWidthBracketHeaders_AreRecognised()
    {
        var read = Read("账号:3501000012345678\n交易日期,借方发生额（支取）,贷方发生额（存入）,余额,对方户名\n2026-03-02,,100.00,100100.00,某某物业\n2026-03-05,20.00,,100080.00,某公司\n");

        Assert.True(read.Ok, read.Error);
        Assert.Equal([100m, -20m], read.Rows.Select(r => r.Amount));
        Assert.Equal("借方发生额（支取）", read.Recognised[StatementField.Debit]);
        // Half-width brackets and spaces (an ideographic one too) read the same.
        Assert.Equal(StatementField.Credit, StatementColumns.Common.FieldOf("贷方发生额 (存入)"));
        Assert.Equal(StatementField.Balance, StatementColumns.Common.FieldOf("交易后余额\u3000"));
    }

    [Fact]
    public void AccountInAColumn_IsRead()
    {
        var read = Read("交易日期,交易金额,余额,本方账号\n2026-03-02,100.00,100100.00,3501000012345678\n");

        Assert.True(read.Ok, read.Error);
        Assert.Equal("3501000012345678", read.AccountNumber);
    }

    [Fact]
    public async Task AccountUnderALabelNoBankUses_IsRefusedUntilMapped_ThenTheLabelIsSavedForTheBank_AndAnotherAccountIsStillRefused()
    {
        var bank = $"福建海峡银行测试{Interlocked.Increment(ref banks)}";
        var (fund, number) = await OpenAsync(bank);
        var columns = new Dictionary<StatementField, string>
        {
            [StatementField.Date] = "记账日", [StatementField.Amount] = "发生金额", [StatementField.Balance] = "账面余额",
        };

        var unnamed = await ImportMappedAsync(fund, OddWithAccountLine("对账单位编号", number), columns);
        Assert.Equal("StatementNoAccount", unnamed.Error);
        Assert.Equal("对账单位编号", Assert.Single(unnamed.AccountPlaces));
        Assert.NotEmpty(unnamed.Headers);

        var mapped = await ImportMappedAsync(fund, OddWithAccountLine("对账单位编号", number), new(columns) { [StatementField.Account] = "对账单位编号" });
        Assert.True(mapped.Ok, mapped.Error);
        var saved = await fund.As(Roles.Finance, sp => sp.GetRequiredService<StatementImport>().MappingAsync(fund.AccountId));
        Assert.Equal("对账单位编号", saved[StatementField.Account]);

        // The bank's next statement is read with it, nothing chosen; a file of another account is still refused.
        var next = await ImportMappedAsync(fund, OddWithAccountLine("对账单位编号", number, "2026-04-02", 10m, 100_045.12m), null);
        Assert.True(next.Ok, next.Error);
        Assert.True(next.UsedSavedMapping);
        var other = await ImportMappedAsync(fund, OddWithAccountLine("对账单位编号", "3501999988887777", "2026-05-02", 10m, 100_055.12m), null);
        Assert.Equal("StatementOtherAccount", other.Error);
    }

    private Task RenderAsync(Func<BunitContext, Task> test) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Finance, async (_, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<FundService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<StatementImport>());
            ctx.Services.AddSingleton(sp.GetRequiredService<ReconciliationService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Settings.EstateTime>());
            ctx.AddAuthorization().SetAuthorized(Roles.Finance).SetAccess(Roles.Finance);
            await test(ctx);
        }));

    [Fact]
    public async Task MappingScreen_PreselectsRecognisedColumns_IgnoresSavedColumnsNotInTheFile_AndAFilePickedAgainIsReadAgain()
    {
        var bank = $"福建海峡银行界面{Interlocked.Increment(ref banks)}";
        var (fund, number) = await OpenAsync(bank);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.FundBankMappings.Add(new FundBankMapping { BankName = bank, Mapping = "Date=入帐时间\nAmount=金额", SavedBy = "x", SavedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        // Date and balance are common headers; the amount column ("发生金额") is not.
        var csv = $"账号,{number}\n交易日期,发生金额,余额,摘要\n2026-03-21,35.12,100035.12,利息\n";

        await RenderAsync(async ctx =>
        {
            var upload = ctx.Render<StatementUpload>(p => p.Add(x => x.AccountId, fund.AccountId));
            var first = upload.FindComponent<InputFile>().Instance;
            await upload.InvokeAsync(() => upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "march.csv")));
            upload.WaitForAssertion(() => Assert.NotNull(upload.Find("[data-testid=fund-statement-mapping]")), TimeSpan.FromSeconds(10));

            // The select's value as the component holds it (what the dropdown shows).
#pragma warning disable MUD0012
            string Selected(string field) => upload.FindComponents<MudSelect<string>>()
                .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string)id! == $"fund-statement-map-{field}").Instance.Value ?? "";
#pragma warning restore MUD0012
            Assert.Equal("交易日期", Selected("Date"));
            Assert.Equal("余额", Selected("Balance"));
            Assert.Equal("", Selected("Amount"));
            Assert.Contains("交易日期 | 发生金额 | 余额 | 摘要", upload.Find("[data-testid=fund-statement-header-row]").TextContent, StringComparison.Ordinal);
            // After a failed import of another layout the bank's saved columns are not said to be used.
            Assert.Empty(upload.FindAll("[data-testid=fund-statement-saved-mapping]"));

            // A new input after the import: the browser fires a change for the same file picked again.
            Assert.NotSame(first, upload.FindComponent<InputFile>().Instance);
        });
    }

    [Fact]
    public async Task ReconciliationPage_ShowsNoIds_TheAdjustmentsExplanation_AndBothOpeningBalances_AndTheLedgerLabelsTheAdjustment()
    {
        var (fund, number) = await OpenAsync("中国建设银行福州分行");
        Assert.True((await fund.ReceiveAsync("88.00", new DateOnly(2026, 3, 9))).Ok);
        // The bank's March opens 5.00 above the ledger's: a difference carried from February.
        await ImportAsync(fund, Statement(number, ("2026-03-20", -15m, 99_990m, "FEE01", "手续费")));
        var fee = Assert.Single(await BankLinesAsync(fund, matched: false));
        Assert.True((await RecAsync(fund, r => r.ResolveAsync(fee.Id, new ResolveInput { Explanation = "银行汇划手续费" }))).Ok);

        await RenderAsync(async ctx =>
        {
            ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/fund/{fund.AccountId}/reconciliation?month=2026-03");
            var page = ctx.Render<ReconciliationPage>(p => p.Add(x => x.AccountId, fund.AccountId));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=fund-bank-matched-to]")), TimeSpan.FromSeconds(10));

            Assert.Equal("Adjustment: 银行汇划手续费", page.Find("[data-testid=fund-bank-matched-to]").TextContent.Trim());
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=fund-ledger-unmatched-amount]")), TimeSpan.FromSeconds(10));
            Assert.DoesNotContain("#", page.Find("[data-testid=fund-ledger-unmatched]").TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("#", page.Find("[data-testid=fund-bank-matched]").TextContent, StringComparison.Ordinal);
            Assert.Equal("¥100,005.00", page.Find("[data-testid=fund-rec-statement-opening]").TextContent);
            Assert.Equal("¥100,000.00", page.Find("[data-testid=fund-rec-ledger-opening]").TextContent);
            Assert.Equal("¥5.00", page.Find("[data-testid=fund-rec-opening-difference]").TextContent);
            Assert.DoesNotContain("：", page.Markup, StringComparison.Ordinal);
            // The statement's import is said in the estate's time (Shanghai), like the rest of the app, not in UTC.
            await using (var db = await factory.CreateDbContextAsync())
            {
                var imported = await db.FundStatements.Where(st => st.FundAccountId == fund.AccountId).Select(st => st.ImportedAt).SingleAsync();
                Assert.Contains(imported.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), page.Markup);
            }

            var text = ctx.Services.GetRequiredService<IStringLocalizer<FundText>>();
            var entries = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().PageAsync(fund.AccountId, FundLedgerFilter.All, new PageRequest(0, 50)));
            var adjustment = entries.Rows.Single(r => r.Kind == FundEntryKind.Expenditure);
            Assert.Equal("Reconciliation adjustment", FundFormat.What(text, adjustment));
        });
    }

    [Fact]
    public void EnglishTexts_HaveNoFullWidthPunctuation()
    {
        foreach (var family in new[] { "FundImportText", "FundText" })
        {
            var en = System.Xml.Linq.XDocument.Load(Path.Combine(RepoRoot(), "PropertyHub", "Resources", family + ".resx"));
            foreach (var value in en.Descendants("data").Select(d => d.Element("value")!.Value))
                Assert.DoesNotMatch("[：，、（）；。]", value);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PropertyHub.sln")))
            dir = dir.Parent;
        return dir!.FullName;
    }
}

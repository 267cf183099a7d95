using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund.Reconciliation;
using static PropertyHub.Tests.Features.Fund.Reconciliation.ReconciliationTesting;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>
/// The statement's original file kept and served to those who may see the reconciliation, and the column mapping
/// chosen for a bank saved and used for its next statement.
/// </summary>
public sealed class StatementFileAndMappingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static int banks;

    private async Task<(FundScenario Fund, string Number)> OpenAsync(string? bank = null)
    {
        var number = "3502" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString();
        var fund = await new FundScenario(factory).OpenAsync(number: number);
        if (bank is not null)
        {
            await using var db = await factory.CreateDbContextAsync();
            var account = await db.FundAccounts.SingleAsync(a => a.Id == fund.AccountId);
            account.BankName = bank;
            await db.SaveChangesAsync();
        }
        return (fund, number);
    }

    /// <summary>A statement in a layout no common header names: 记账日 / 发生金额 / 账面余额.</summary>
    private static byte[] OddLayout(string account, string date, decimal amount, decimal balance) => Encoding.UTF8.GetBytes(
        $"账号:{account}\n记账日,摘要,发生金额,账面余额\n{date},利息,{amount},{balance}\n");

    private static readonly Dictionary<StatementField, string> OddMapping = new()
    {
        [StatementField.Date] = "记账日", [StatementField.Amount] = "发生金额", [StatementField.Balance] = "账面余额",
    };

    [Fact]
    public async Task Import_KeepsTheOriginalFile_DownloadableByFinanceAndManager_RefusedToTheClerk()
    {
        var (fund, number) = await OpenAsync();
        var bytes = MarchStatement(number);

        var import = await ImportAsync(fund, bytes, "三月流水.csv");

        Assert.True(import.Ok, import.Error);
        var view = (await RecAsync(fund, r => r.MonthAsync(fund.AccountId, March)))!;
        Assert.True(view.Statement!.HasFile);
        var link = $"/fund/{fund.AccountId}/statements/{import.StatementId}/file";
        using var finance = await factory.ClientForRoleAsync(Roles.Finance);
        var response = await finance.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        using var manager = await factory.ClientForRoleAsync(Roles.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(link)).StatusCode);
        using var clerk = await factory.ClientForRoleAsync(Roles.Clerk);
        var refused = await clerk.GetAsync(link);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual(bytes, await refused.Content.ReadAsByteArrayAsync());
        // Another account's path does not serve this statement's file.
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/fund/{fund.AccountId + 100000}/statements/{import.StatementId}/file")).StatusCode);
    }

    [Fact]
    public async Task Import_InAnOddLayout_NamesTheMissingColumns_ThenTheChosenMappingIsSavedForTheBank_AndUsedForItsNextStatement()
    {
        var bank = $"兴业银行测试支行{Interlocked.Increment(ref banks)}";
        var (fund, number) = await OpenAsync(bank);

        var unmapped = await ImportAsync(fund, OddLayout(number, "2026-03-21", 35.12m, 100_035.12m));
        Assert.Equal("StatementMissingColumns", unmapped.Error);
        Assert.Contains("记账日", unmapped.Headers);
        var mapped = await fund.As(Roles.Finance, sp => sp.GetRequiredService<StatementImport>()
            .ImportAsync(fund.AccountId, OddLayout(number, "2026-03-21", 35.12m, 100_035.12m), "march.csv", OddMapping));
        Assert.True(mapped.Ok, mapped.Error);

        // Another account at the same bank: its next statement is read with the saved mapping, nothing chosen again.
        var (other, otherNumber) = await OpenAsync(bank);
        var offered = await other.As(Roles.Finance, sp => sp.GetRequiredService<StatementImport>().MappingAsync(other.AccountId));
        Assert.Equal(OddMapping.OrderBy(m => m.Key), offered.OrderBy(m => m.Key));
        var next = await ImportAsync(other, OddLayout(otherNumber, "2026-04-21", 40m, 100_040m));
        Assert.True(next.Ok, next.Error);
        // A bank with no saved mapping still names the missing columns.
        var (third, thirdNumber) = await OpenAsync(bank + "另一家");
        Assert.Equal("StatementMissingColumns", (await ImportAsync(third, OddLayout(thirdNumber, "2026-03-21", 1m, 100_001m))).Error);
    }

    [Fact]
    public async Task Import_RefusedForAnotherAccount_KeepsNoFileAndSavesNoMapping()
    {
        var bank = $"兴业银行拒绝支行{Interlocked.Increment(ref banks)}";
        var (fund, _) = await OpenAsync(bank);
        int files;
        await using (var db = await factory.CreateDbContextAsync())
            files = await db.StoredFiles.CountAsync();

        var result = await fund.As(Roles.Finance, sp => sp.GetRequiredService<StatementImport>()
            .ImportAsync(fund.AccountId, OddLayout("3501000099998888", "2026-03-21", 1m, 100_001m), "x.csv", OddMapping));

        Assert.Equal("StatementOtherAccount", result.Error);
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(files, await check.StoredFiles.CountAsync());
        Assert.False(await check.FundBankMappings.AnyAsync(m => m.BankName == bank));
    }
}

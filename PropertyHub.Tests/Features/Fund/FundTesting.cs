using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.BankLists;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>A fund account opened by Finance on the demo estate, and the steps of the ledger as each role takes them.</summary>
public sealed class FundScenario(AppFactory factory)
{
    public const string SecondManagerEmail = "manager2@demo.local";
    public static readonly DateOnly Opened = new(2026, 1, 1);

    public int AccountId { get; private set; }
    public string Number { get; private set; } = "";

    private static int numbers;

    /// <summary>An account number no other test of the run has used, ending in 5678 like the default: tests that share
    /// one app open an account each.</summary>
    public static string UniqueNumber() => $"3502 {Interlocked.Increment(ref numbers):D8} 5678";

    /// <summary>Opens the account with 100,000.00 on 1 January 2026.</summary>
    public async Task<FundScenario> OpenAsync(string opening = "100000.00", string number = "3501 0000 1234 5678")
    {
        int estateId;
        await using (var db = await factory.CreateDbContextAsync())
            estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var result = await As(Roles.Finance, sp => sp.GetRequiredService<FundService>().OpenAccountAsync(new FundAccountInput
        {
            EstateId = estateId, BankName = "中国建设银行福州分行", AccountNumber = number, OpeningBalance = opening, OpeningDate = Opened,
        }));
        Assert.True(result.Ok, string.Join(", ", result.Errors.Values));
        (AccountId, Number) = (result.Id!.Value, number);
        return this;
    }

    public Task<T> As<T>(string role, Func<IServiceProvider, Task<T>> work) => AsEmail(SignIn.DemoEmail(role), work);

    public async Task<T> AsEmail<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null && email == SecondManagerEmail)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "吴建华", Surname = "吴" };
            Assert.True((await users.CreateAsync(user, "Second-Manager-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Manager)).Succeeded);
        }
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await work(sp);
    }

    public Task<FundResult> ReceiveAsync(string amount, DateOnly? date = null, FundReceiptSource source = FundReceiptSource.OwnerContributions) =>
        As(Roles.Finance, sp => sp.GetRequiredService<FundService>().RecordReceiptAsync(new FundReceiptInput
        {
            FundAccountId = AccountId, Source = source, Date = date ?? new DateOnly(2026, 2, 3), Amount = amount, Counterparty = "业主缴存（2月）",
        }));

    public static FundExpenditureInput Expenditure(int accountId, string amount, FundUsageItem? usage = FundUsageItem.DailyRepairs, string? decision = null) => new()
    {
        FundAccountId = accountId, UsageItem = usage, Date = new DateOnly(2026, 3, 10), Amount = amount, Counterparty = "福州安居维修工程有限公司",
        CounterpartyAccount = "6222 0000 9999 0001", Purpose = "3号楼屋面防水", Reference = "HT-2026-031", DecisionReference = decision,
    };

    public Task<FundResult> RequestAsync(string amount, FundUsageItem? usage = FundUsageItem.DailyRepairs, string? decision = null, bool confirmed = false,
        Action<FundExpenditureInput>? more = null)
    {
        var input = Expenditure(AccountId, amount, usage, decision);
        input.OverBalanceConfirmed = confirmed;
        more?.Invoke(input);
        return As(Roles.Finance, sp => sp.GetRequiredService<FundService>().RequestExpenditureAsync(input));
    }

    public async Task<FundEntry> EntryAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.FundEntries.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public async Task<FundResult> ApproveAsync(int id, string email)
    {
        var version = (await EntryAsync(id)).Version;
        return await AsEmail(email, sp => sp.GetRequiredService<FundApprovals>().ApproveAsync(id, version));
    }

    public Task<FundAccountView?> AccountAsync() => As(Roles.Finance, sp => sp.GetRequiredService<FundService>().AccountAsync(AccountId));

    /// <summary>Requests, approves (as the demo Manager), lists, submits and pays an expenditure; returns its id.</summary>
    public async Task<int> PaidExpenditureAsync(string amount, Action<FundExpenditureInput>? more = null)
    {
        var id = (await RequestAsync(amount, more: more)).Id!.Value;
        Assert.True((await ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Ok);
        var list = await As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(AccountId));
        Assert.True(list.Ok, string.Join(", ", list.Errors.Values));
        var sheet = (await As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SheetAsync(list.Id!.Value)))!;
        Assert.True((await As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SubmitAsync(sheet.List.Id, sheet.List.Version))).Ok);
        var version = (await EntryAsync(id)).Version;
        var paid = await As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().MarkPaidAsync(id, version, new DateOnly(2026, 3, 12), "BK20260312001"));
        Assert.True(paid.Ok, string.Join(", ", paid.Errors.Values));
        return id;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Fees;

public sealed class FeeServiceTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private static readonly DateOnly NextMonth = FirstOfNextMonth();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static DateOnly FirstOfNextMonth()
    {
        // Estate time: Asia/Shanghai.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }

    private async Task<T> AsAsync<T>(string role, Func<FeeService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<FeeService>()));
        return result;
    }

    private async Task<(int EstateId, FeeItem Item)> ManagementFeeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var item = await db.FeeItems.AsNoTracking().Include(i => i.Rates).SingleAsync(i => i.Code == "management");
        return (item.EstateId, item);
    }

    [Fact]
    public async Task Demo_Standard_ManagementFeePerSquareMetreByUse()
    {
        var (estateId, _) = await ManagementFeeAsync();

        var rows = await AsAsync(Roles.Clerk, f => f.StandardAsync(estateId, f.Today(estateId), activeOnly: true));

        var management = rows.Single(r => r.Code == "management");
        Assert.Equal(FeeBasis.PerSquareMetre, management.Basis);
        Assert.Equal([2.80m, 4.50m, 6.00m], management.Current.OrderBy(r => r.Use).Select(r => r.Amount));
    }

    [Fact]
    public async Task AddRate_FromNextMonth_UpcomingThenInForce()
    {
        var (estateId, item) = await ManagementFeeAsync();

        var result = await AsAsync(Roles.Finance, f => f.AddRateAsync(item.Id, UnitUse.Residential, "3.10", NextMonth));

        Assert.True(result.Ok);
        var now = await AsAsync(Roles.Finance, f => f.StandardAsync(estateId, f.Today(estateId), true));
        var then = await AsAsync(Roles.Finance, f => f.StandardAsync(estateId, NextMonth, true));
        Assert.Equal(2.80m, now.Single(r => r.Code == "management").Current.Single(r => r.Use == UnitUse.Residential).Amount);
        Assert.Contains(new FeeRateRow(UnitUse.Residential, 3.10m, NextMonth), now.Single(r => r.Code == "management").Upcoming);
        Assert.Equal(3.10m, then.Single(r => r.Code == "management").Current.Single(r => r.Use == UnitUse.Residential).Amount);
    }

    [Theory]
    [InlineData("-1", "Amount", "AmountNegative")]
    [InlineData("2.805", "Amount", "AmountTooManyDecimals")]
    [InlineData("两块八", "Amount", "AmountNotNumber")]
    public async Task AddRate_BadAmount_RefusedNothingWritten(string amount, string field, string error)
    {
        var (_, item) = await ManagementFeeAsync();

        var result = await AsAsync(Roles.Finance, f => f.AddRateAsync(item.Id, UnitUse.Office, amount, NextMonth));

        Assert.Equal(error, result.Errors[field]);
        await AssertRatesUnchangedAsync(item);
    }

    [Fact]
    public async Task AddRate_NoEffectiveDateOrInThePastOrTwice_Refused()
    {
        var (_, item) = await ManagementFeeAsync();

        var none = await AsAsync(Roles.Finance, f => f.AddRateAsync(item.Id, UnitUse.Office, "5.00", null));
        var past = await AsAsync(Roles.Finance, f => f.AddRateAsync(item.Id, UnitUse.Office, "5.00", new DateOnly(2020, 1, 1)));
        var existing = item.Rates.First();
        var twice = await AsAsync(Roles.Finance, f => f.AddRateAsync(item.Id, existing.Use, "5.00", existing.EffectiveFrom));

        Assert.Equal("EffectiveFromRequired", none.Errors["EffectiveFrom"]);
        Assert.Equal("EffectiveFromPast", past.Errors["EffectiveFrom"]);
        Assert.False(twice.Ok);
        await AssertRatesUnchangedAsync(item);
    }

    [Fact]
    public async Task AddRate_Clerk_Refused()
    {
        var (_, item) = await ManagementFeeAsync();

        var result = await AsAsync(Roles.Clerk, f => f.AddRateAsync(item.Id, UnitUse.Office, "5.00", NextMonth));

        Assert.Equal("NotAllowed", result.Errors[""]);
        await AssertRatesUnchangedAsync(item);
    }

    [Fact]
    public async Task AddItem_ValidThenSameCode_SecondRefused()
    {
        var (estateId, _) = await ManagementFeeAsync();
        var input = new FeeItemInput { Code = "parking", NameHans = "停车管理费", NameHant = "停車管理費", NameEn = "Parking management fee", Basis = FeeBasis.PerUnit };

        var first = await AsAsync(Roles.Finance, f => f.AddItemAsync(estateId, input));
        var second = await AsAsync(Roles.Finance, f => f.AddItemAsync(estateId, input));

        Assert.True(first.Ok);
        Assert.Equal("CodeTaken", second.Errors["Code"]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.FeeItems.CountAsync(i => i.Code == "parking"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FeeItem) && a.Action == PropertyHub.Features.Audit.AuditAction.Created));
    }

    [Fact]
    public async Task AddItem_MissingNamesAndBadCode_EachFieldSaysWhy()
    {
        var (estateId, _) = await ManagementFeeAsync();

        var result = await AsAsync(Roles.Finance, f => f.AddItemAsync(estateId, new FeeItemInput { Code = "Parking Fee", NameHans = "停车费" }));

        Assert.Equal("CodeInvalid", result.Errors["Code"]);
        Assert.Equal("NameRequired", result.Errors["NameHant"]);
        Assert.Equal("NameRequired", result.Errors["NameEn"]);
        Assert.False(result.Errors.ContainsKey("NameHans"));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(3, await db.FeeItems.CountAsync());
    }

    [Fact]
    public async Task UpdateItem_StaleVersion_ConflictNothingLost()
    {
        var (_, item) = await ManagementFeeAsync();
        var rename = new FeeItemInput { NameHans = "物业服务费", NameHant = "物業服務費", NameEn = "Property service fee", Basis = FeeBasis.PerSquareMetre };

        var first = await AsAsync(Roles.Finance, f => f.UpdateItemAsync(item.Id, item.Version, rename));
        var stale = await AsAsync(Roles.Finance, f => f.UpdateItemAsync(item.Id, item.Version, new FeeItemInput { NameHans = "x", NameHant = "x", NameEn = "x" }));

        Assert.True(first.Ok);
        Assert.Equal("ConcurrencyConflict", stale.Errors[""]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal("物业服务费", (await db.FeeItems.SingleAsync(i => i.Id == item.Id)).NameHans);
    }

    [Fact]
    public async Task StandardPage_Anonymous_ShowsRatesInTheBrowsersLanguage()
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hant");

        var response = await client.GetAsync("/fees/standard");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("物業管理費", html);
        Assert.Contains("按建築面積（每平方米）", html);
        Assert.Matches("data-code=\"management\"[\\s\\S]*?>2\\.80<[\\s\\S]*?>4\\.50<[\\s\\S]*?>6\\.00<", html);
        // The date the rates took effect, not the day the page is read.
        await using var db = await factory.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var since = (await db.FeeRates.Where(r => db.FeeItems.Any(i => i.Id == r.FeeItemId && i.IsActive)).ToListAsync())
            .Where(r => r.EffectiveFrom <= today).Max(r => r.EffectiveFrom);
        Assert.NotEqual(today, since);
        Assert.Contains($"{since:yyyy-MM-dd} 起執行", html);
    }

    [Fact]
    public async Task ItemsPage_ClerkForbiddenFinanceSees()
    {
        var clerk = await factory.ClientForRoleAsync(Roles.Clerk);
        var finance = await factory.ClientForRoleAsync(Roles.Finance);

        var denied = await (await clerk.GetAsync("/fees/items")).Content.ReadAsStringAsync();
        var shown = await (await finance.GetAsync("/fees/items")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("data-testid=\"fee-items\"", denied);
        Assert.Contains("data-testid=\"fee-items\"", shown);
        // The demo estate has vacant units: Finance is told they get no payment request.
        await using var db = await factory.CreateDbContextAsync();
        var vacant = await db.Units.CountAsync(u => !u.Occupants.Any());
        Assert.True(vacant > 0);
        var warning = WebUtility.HtmlDecode(shown);
        Assert.Contains("data-testid=\"fee-no-payer\"", warning);
        Assert.True(warning.Contains($"{vacant} units have no occupant on file") || warning.Contains($"{vacant} 个单元没有登记业户"), "no warning of the vacant units");
        // Listed in the order people count units (2-201 before 2-1401), with the language's own separator.
        var listed = (await db.Units.Where(u => !u.Occupants.Any()).OrderNaturally().Select(u => u.Building!.Code + "-" + u.Number).Take(20).ToListAsync());
        var english = warning.Contains($"{vacant} units have no occupant on file");
        Assert.Contains(string.Join(english ? ", " : "、", listed), warning);
        Assert.Contains("data-testid=\"fee-add-item\"", shown);
    }

    private async Task AssertRatesUnchangedAsync(FeeItem item)
    {
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(item.Rates.Count, await db.FeeRates.CountAsync(r => r.FeeItemId == item.Id));
    }
}

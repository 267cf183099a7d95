using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Tests.Features.Registry;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.BankLists;
using PropertyHub.Features.Repairs.FundCharges;
using PropertyHub.Tests.Features.Fund;
using static PropertyHub.Tests.Features.Repairs.FundCharges.WorkOrderFundChargeTesting;

namespace PropertyHub.Tests.Features.Repairs.FundCharges;

/// <summary>A repair work order charged to the maintenance fund, on SQLite: prefilled, linked, once, through the normal flow.</summary>
public sealed class WorkOrderFundChargeTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private FundScenario fund = null!;

    public async Task InitializeAsync() => fund = await new FundScenario(factory).OpenAsync(number: FundScenario.UniqueNumber());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Draft_IsPrefilledFromTheWorkOrder()
    {
        var order = await NewWorkOrderAsync(factory);

        var draft = (await fund.As(Roles.Supervisor, sp => sp.GetRequiredService<WorkOrderFundCharges>().DraftAsync(order.Id)))!;

        Assert.Contains(draft.Accounts, a => a.Id == fund.AccountId && a.MaskedNumber == "**** 5678");
        Assert.Equal((Description, "WO-" + order.Id, FundUsageItem.DailyRepairs), (draft.Input.Purpose, draft.Input.Reference, draft.Input.UsageItem));
        Assert.NotNull(draft.Input.BuildingId);
    }

    [Fact]
    public async Task Charged_IsAnExpenditureRequestLinkedToTheWorkOrder_ThatIsApprovedListedAndPaid()
    {
        var order = await NewWorkOrderAsync(factory);

        var charged = await ChargeAsync(fund, Roles.Supervisor, order.Id);

        Assert.True(charged.Ok, string.Join(", ", charged.Errors.Values));
        var id = charged.Id!.Value;
        var entry = await fund.EntryAsync(id);
        Assert.Equal((order.Id, FundEntryKind.Expenditure, FundEntryStatus.Requested, 3200.00m, Description),
            (entry.WorkOrderId, entry.Kind, entry.Status, entry.Amount, entry.Purpose));
        Assert.True((await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Ok);
        var list = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId));
        var sheet = (await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SheetAsync(list.Id!.Value)))!;
        Assert.True((await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().SubmitAsync(sheet.List.Id, sheet.List.Version))).Ok);
        var version = (await fund.EntryAsync(id)).Version;
        Assert.True((await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().MarkPaidAsync(id, version, new DateOnly(2026, 3, 12), "BK-WO"))).Ok);

        var charges = await fund.As(Roles.Clerk, sp => sp.GetRequiredService<WorkOrderFundCharges>().ChargesAsync(order.Id));
        var charge = Assert.Single(charges);
        Assert.Equal((id, fund.AccountId, FundEntryStatus.Paid, true), (charge.EntryId, charge.FundAccountId, charge.Status, charge.Active));
    }

    [Fact]
    public async Task ChargedTwice_Refused_UntilTheExpenditureIsRejected()
    {
        var order = await NewWorkOrderAsync(factory);
        var first = (await ChargeAsync(fund, Roles.Supervisor, order.Id)).Id!.Value;

        var again = await ChargeAsync(fund, Roles.Manager, order.Id);
        Assert.Equal("WorkOrderAlreadyCharged", again.Errors[""]);
        var version = (await fund.EntryAsync(first)).Version;
        Assert.True((await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundApprovals>().RejectAsync(first, version, "报价过高"))).Ok);
        var afterRejection = await ChargeAsync(fund, Roles.Supervisor, order.Id, "2800.00");

        Assert.True(afterRejection.Ok);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(2, await db.FundEntries.CountAsync(e => e.WorkOrderId == order.Id));
    }

    [Fact]
    public async Task ChargedByAReversedPaidExpenditure_MayBeChargedAgain()
    {
        var order = await NewWorkOrderAsync(factory);
        var id = await fund.PaidExpenditureAsync("1000.00", more: i => i.Reference = "reversal-test");
        await using (var db = await factory.CreateDbContextAsync())
        {
            var entry = await db.FundEntries.SingleAsync(e => e.Id == id);
            entry.WorkOrderId = order.Id;
            await db.SaveChangesAsync();
        }
        Assert.Equal("WorkOrderAlreadyCharged", (await ChargeAsync(fund, Roles.Supervisor, order.Id)).Errors[""]);

        Assert.True((await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(id, "退票"))).Ok);

        Assert.True((await ChargeAsync(fund, Roles.Supervisor, order.Id)).Ok);
    }

    [Fact]
    public async Task Charge_ByFinanceOrEngineer_Refused_AndBadInputWritesNothing()
    {
        var order = await NewWorkOrderAsync(factory);

        var byEngineer = await fund.As(Roles.Engineer, sp => sp.GetRequiredService<WorkOrderFundCharges>().ChargeAsync(order.Id, FundScenario.Expenditure(fund.AccountId, "10.00")));
        var byFinance = await fund.As(Roles.Finance, sp => sp.GetRequiredService<WorkOrderFundCharges>().ChargeAsync(order.Id, FundScenario.Expenditure(fund.AccountId, "10.00")));
        var threeDecimals = await ChargeAsync(fund, Roles.Supervisor, order.Id, "10.005");

        Assert.Equal(("NotAllowed", "NotAllowed"), (byEngineer.Errors[""], byFinance.Errors[""]));
        Assert.Equal("AmountTooManyDecimals", threeDecimals.Errors["Amount"]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.FundEntries.AnyAsync(e => e.WorkOrderId == order.Id));
    }

    [Fact]
    public async Task Panel_ShowsTheLinkedExpenditureAndItsState_AndOffersTheChargeOnlyWhileNoneIsActive()
    {
        var order = await NewWorkOrderAsync(factory);
        string? link = null;

        await RenderAsync(Roles.Supervisor, ctx =>
        {
            var panel = ctx.Render<WorkOrderFundChargePanel>(p => p.Add(x => x.WorkOrderId, order.Id));
            panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=work-order-fund-open]")), TimeSpan.FromSeconds(10));
            panel.Find("[data-testid=work-order-fund-open]").Click();
            Assert.Equal(Description, panel.Find("input[data-testid=work-order-fund-purpose]").GetAttribute("value"));
            panel.Find("input[data-testid=work-order-fund-amount]").Change("1,250.00");
            panel.Find("input[data-testid=work-order-fund-payee]").Change("福州安居电梯维保有限公司");
            panel.Find("input[data-testid=work-order-fund-payee-account]").Change("6222 0000 9999 0003");
            panel.Find("[data-testid=work-order-fund-form]").Submit();

            panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=work-order-fund-charge]")), TimeSpan.FromSeconds(10));
            Assert.Equal("Awaiting approval", panel.Find("[data-testid=work-order-fund-state]").TextContent.Trim());
            // The Supervisor may not see the fund: the expenditure and its state as text, no link to a page that refuses them.
            Assert.Empty(panel.FindAll("[data-testid=work-order-fund-link]"));
            Assert.NotEmpty(panel.FindAll("[data-testid=work-order-fund-charge-text]"));
            Assert.Empty(panel.FindAll("[data-testid=work-order-fund-open]"));
            return Task.CompletedTask;
        });
        await RenderAsync(Roles.Manager, ctx =>
        {
            var panel = ctx.Render<WorkOrderFundChargePanel>(p => p.Add(x => x.WorkOrderId, order.Id));
            panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=work-order-fund-charge]")), TimeSpan.FromSeconds(10));
            link = panel.Find("[data-testid=work-order-fund-link]").GetAttribute("href");
            return Task.CompletedTask;
        });
        await RenderAsync(Roles.Engineer, ctx =>
        {
            var panel = ctx.Render<WorkOrderFundChargePanel>(p => p.Add(x => x.WorkOrderId, order.Id));
            panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=work-order-fund-charge]")), TimeSpan.FromSeconds(10));
            Assert.Empty(panel.FindAll("[data-testid=work-order-fund-open]"));
            return Task.CompletedTask;
        });
        await using var db = await factory.CreateDbContextAsync();
        var entry = await db.FundEntries.SingleAsync(e => e.WorkOrderId == order.Id);
        Assert.Equal((1_250.00m, $"/fund/{entry.FundAccountId}"), (entry.Amount, link));
        // In the fund's ledger the Manager follows the reference "WO-n" to the work order.
        await RenderAsync(Roles.Manager, ctx =>
        {
            var ledger = ctx.Render<FundLedgerTable>(p => p.Add(x => x.AccountId, entry.FundAccountId));
            ledger.WaitForAssertion(() => Assert.Equal($"/repairs/{order.Id}", ledger.Find("[data-testid=fund-ledger-work-order]").GetAttribute("href")),
                TimeSpan.FromSeconds(10));
            Assert.Equal("WO-" + order.Id, ledger.Find("[data-testid=fund-ledger-work-order]").TextContent.Trim());
            return Task.CompletedTask;
        });
    }

    private Task RenderAsync(string role, Func<BunitContext, Task> test) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(role, async (_, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<WorkOrderFundCharges>());
            ctx.Services.AddSingleton(sp.GetRequiredService<Permissions>());
            ctx.Services.AddSingleton(sp.GetRequiredService<FundService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Fund.Documents.FundDocuments>());
            ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Files.FileIntake>());
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            await test(ctx);
        }));
}

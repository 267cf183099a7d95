using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Files;
using PropertyHub.Features.Fund.BankLists;
using PropertyHub.Features.Fund.Disclosures;
using PropertyHub.Features.Fund.Documents;
using PropertyHub.Features.Settings;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>The fund's pages with the app's real services, in English, as Finance or the Manager.</summary>
public sealed class FundPagesTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private FundScenario fund = null!;

    public async Task InitializeAsync() => fund = await new FundScenario(factory).OpenAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task RenderAsync(string role, Func<BunitContext, Task> test) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(role, async (_, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<FundService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<FundApprovals>());
            ctx.Services.AddSingleton(sp.GetRequiredService<BankListService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<FundDocuments>());
            ctx.Services.AddSingleton(sp.GetRequiredService<FileIntake>());
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(sp.GetRequiredService<IOptions<FundOptions>>());
            ctx.Services.AddSingleton(sp.GetRequiredService<FundStatementDrafts>());
            ctx.Services.AddSingleton(sp.GetRequiredService<CurrentActor>());
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            await test(ctx);
        }));

    [Fact]
    public async Task AccountPage_ShowsTheMaskedNumberBalanceAndLedger()
    {
        Assert.True((await fund.ReceiveAsync("1500.00")).Ok);

        await RenderAsync(Roles.Finance, ctx =>
        {
            var page = ctx.Render<FundAccountPage>(p => p.Add(x => x.AccountId, fund.AccountId));
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=fund-ledger-amount]")), TimeSpan.FromSeconds(10));

            Assert.Equal("**** 5678", page.Find("[data-testid=fund-masked-number]").TextContent);
            Assert.DoesNotContain("3501000012345678", page.Markup, StringComparison.Ordinal);
            Assert.Equal("¥101,500.00", page.Find("[data-testid=fund-ledger-balance]").TextContent);
            Assert.Equal("¥1,500.00", page.Find("[data-testid=fund-ledger-amount]").TextContent);
            Assert.Equal("Posted", page.Find("[data-testid=fund-ledger-status]").TextContent.Trim());
            // Reversing is a compact icon button that still says what it does, so the ledger fits its card.
            var reverse = page.Find("[data-testid=fund-ledger-reverse]");
            Assert.Equal("Reverse", reverse.GetAttribute("aria-label"));
            Assert.Equal("", reverse.TextContent.Trim());
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ExpenditureForm_NoUsageItem_SaysSo_OverTheBalance_WarnsThenRequestsOnTheSecondPress()
    {
        await RenderAsync(Roles.Finance, async ctx =>
        {
            var today = (await fund.AccountAsync())!.Today;
            var form = ctx.Render<ExpenditureForm>(p => p.Add(x => x.AccountId, fund.AccountId).Add(x => x.Today, today));
            form.Find("input[data-testid=fund-expenditure-amount]").Change("150000.00");
            form.Find("input[data-testid=fund-expenditure-payee]").Change("福州安居维修工程有限公司");
            form.Find("input[data-testid=fund-expenditure-payee-account]").Change("6222000099990001");
            form.Find("input[data-testid=fund-expenditure-purpose]").Change("电梯大修");

            form.Find("form[data-testid=fund-expenditure-form]").Submit();
            form.WaitForAssertion(() => Assert.Equal("Choose the usage item.", form.Find("[data-testid=fund-expenditure-usage-error]").TextContent), TimeSpan.FromSeconds(10));

            form.Find("input[data-testid=fund-usage-MajorRepairs]").Click();
            form.Find("form[data-testid=fund-expenditure-form]").Submit();
            form.WaitForAssertion(() => Assert.Contains("more than is available", form.Find("[data-testid=fund-expenditure-warning]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Assert.Equal(0, await CountAsync());

            form.Find("form[data-testid=fund-expenditure-form]").Submit();
            form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=fund-expenditure-done]")), TimeSpan.FromSeconds(10));
        });

        await using var db = await factory.CreateDbContextAsync();
        var entry = await db.FundEntries.SingleAsync();
        Assert.Equal((150_000m, FundUsageItem.MajorRepairs, FundEntryStatus.Requested), (entry.Amount, entry.UsageItem, entry.Status));
    }

    [Fact]
    public async Task FundPage_AsManager_ApprovesARequest()
    {
        var id = (await fund.RequestAsync("900.00")).Id!.Value;

        await RenderAsync(Roles.Manager, ctx =>
        {
            ctx.Render<MudDialogProvider>();
            var snackbar = ctx.Render<MudSnackbarProvider>();
            var page = ctx.Render<FundPage>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=fund-approve]")), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("form[data-testid=fund-account-form]"));

            page.Find("[data-testid=fund-approve]").Click();

            page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=fund-approve]")), TimeSpan.FromSeconds(10));
            // The Manager is told it worked: the approval is confirmed in a snackbar.
            snackbar.WaitForAssertion(() => Assert.Contains("Approved: ¥900.00 to 福州安居维修工程有限公司.", snackbar.Markup, StringComparison.Ordinal),
                TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        });

        Assert.Equal(FundEntryStatus.Approved, (await fund.EntryAsync(id)).Status);
    }

    [Fact]
    public async Task Approvals_ShowTheReferenceAndASecondApprovalBeforeApproving_FinanceReadsTheRejection()
    {
        var large = (await fund.RequestAsync("80000.00")).Id!.Value;
        Assert.True((await fund.RequestAsync("900.00")).Ok);
        await RenderAsync(Roles.Manager, ctx =>
        {
            var page = ctx.Render<FundPage>();
            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=fund-approve]").Count), TimeSpan.FromSeconds(10));

            Assert.Single(page.FindAll("[data-testid=fund-needs-second]"));
            Assert.Equal(2, page.FindAll("td").Count(td => td.TextContent.Contains("HT-2026-031", StringComparison.Ordinal)));
            return Task.CompletedTask;
        });
        // The demo Manager gives the first approval: for them the request's Approve is off, with the reason; the status
        // says who approved and that a second Manager must.
        Assert.True((await fund.ApproveAsync(large, SignIn.DemoEmail(Roles.Manager))).Ok);
        await RenderAsync(Roles.Manager, ctx =>
        {
            var page = ctx.Render<FundPage>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=fund-approve-why-not]")), TimeSpan.FromSeconds(10));
            Assert.Single(page.FindAll("[data-testid=fund-approve]"), b => b.HasAttribute("disabled"));
            Assert.Single(page.FindAll("[data-testid=fund-approve]"), b => !b.HasAttribute("disabled"));
            Assert.Contains(page.FindAll("[data-testid=fund-approval-status]"),
                td => td.TextContent.Contains("Approved by 林志明, awaiting a second Manager", StringComparison.Ordinal));
            return Task.CompletedTask;
        });
        var version = (await fund.EntryAsync(large)).Version;
        Assert.True((await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundApprovals>().RejectAsync(large, version, "报价过高，请重新比价"))).Ok);

        await RenderAsync(Roles.Finance, ctx =>
        {
            var page = ctx.Render<FundAccountPage>(p => p.Add(x => x.AccountId, fund.AccountId));
            page.WaitForAssertion(() => Assert.Contains("报价过高，请重新比价", page.Find("[data-testid=fund-ledger-rejection]").TextContent, StringComparison.Ordinal),
                TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task BankListPage_SubmittedThenALineMarkedPaid()
    {
        (int Id, string Name) building;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var first = await db.Buildings.Where(b => b.Estate!.Id == db.FundAccounts.Single(a => a.Id == fund.AccountId).EstateId)
                .OrderBy(b => b.Id).Select(b => new { b.Id, b.Name }).FirstAsync();
            building = (first.Id, first.Name);
        }
        var id = (await fund.RequestAsync("1200.00", more: e => (e.BuildingId, e.CommonPart) = (building.Id, "屋面"))).Id!.Value;
        Assert.True((await fund.ApproveAsync(id, SignIn.DemoEmail(Roles.Manager))).Ok);
        var list = await fund.As(Roles.Finance, sp => sp.GetRequiredService<BankListService>().CreateAsync(fund.AccountId));
        var today = (await fund.AccountAsync())!.Today;
        var paidOn = today.AddDays(-3);

        await RenderAsync(Roles.Finance, ctx =>
        {
            var page = ctx.Render<BankListPage>(p => p.Add(x => x.Id, list.Id!.Value));
            page.WaitForElement("[data-testid=fund-list-submit]", TimeSpan.FromSeconds(10));
            Assert.Equal("1,200.00", page.Find("[data-testid=fund-list-total]").TextContent);
            Assert.Empty(page.FindAll("[data-testid=fund-paid-form]"));

            page.Find("[data-testid=fund-list-submit]").Click();
            page.WaitForElement("form[data-testid=fund-paid-form]", TimeSpan.FromSeconds(10));
            // The payment day is offered as today in the estate; a day in the future is refused and nothing is paid.
            Assert.Equal(today.ToString("yyyy-MM-dd"), DateInput(page).GetAttribute("value"));
            // Every field on the form is labelled in words, never with a raw resource key.
            var form = page.Find("form[data-testid=fund-paid-form]");
            var labels = form.QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToList();
            Assert.Contains("Day the bank paid", labels);
            Assert.Contains("Bank reference", labels);
            Assert.DoesNotContain("PaidOn", form.TextContent, StringComparison.Ordinal);
            page.Find("input[data-testid=fund-paid-reference]").Change("BK20260312001");
            DateInput(page).Change(today.AddDays(1).ToString("yyyy-MM-dd"));
            page.Find("form[data-testid=fund-paid-form]").Submit();
            page.WaitForAssertion(() => Assert.Contains("The date cannot be in the future.", page.Find("form[data-testid=fund-paid-form]").TextContent, StringComparison.Ordinal),
                TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=fund-list-paid]"));

            DateInput(page).Change(paidOn.ToString("yyyy-MM-dd"));
            page.Find("form[data-testid=fund-paid-form]").Submit();

            page.WaitForAssertion(() => Assert.Equal("BK20260312001", page.Find("[data-testid=fund-list-paid]").TextContent), TimeSpan.FromSeconds(10));
            Assert.Contains(paidOn.ToString("yyyy-MM-dd"), page.Find("[data-testid=fund-list-paid-on]").TextContent, StringComparison.Ordinal);
            Assert.Equal("林志明", page.Find("[data-testid=fund-list-approved-by]").TextContent);
            return Task.CompletedTask;
        });

        var entry = await fund.EntryAsync(id);
        Assert.Equal((FundEntryStatus.Paid, paidOn), (entry.Status, entry.PaidOn));
        string listNumber;
        await using (var db = await factory.CreateDbContextAsync())
            listNumber = await db.BankExpenseLists.Where(l => l.Id == list.Id).Select(l => l.Number).SingleAsync();

        // The ledger shows the day the bank paid and the place the money was spent on.
        await RenderAsync(Roles.Finance, ctx =>
        {
            var page = ctx.Render<FundAccountPage>(p => p.Add(x => x.AccountId, fund.AccountId));
            page.WaitForAssertion(() => Assert.Equal($"Paid on {paidOn:yyyy-MM-dd}", page.Find("[data-testid=fund-ledger-paid-on]").TextContent), TimeSpan.FromSeconds(10));
            Assert.Equal($"Spent on: {building.Name} · 屋面", page.Find("[data-testid=fund-ledger-place]").TextContent);
            // The state and the bank list's number, and the bank reference's label and value, sit on two lines each.
            Assert.Equal("Paid", page.Find("[data-testid=fund-ledger-status-headline]").TextContent.Trim());
            Assert.Equal(listNumber, page.Find("[data-testid=fund-ledger-status-detail]").TextContent.Trim());
            Assert.NotNull(page.Find("[data-testid=fund-ledger-bank-reference]").QuerySelector("br"));
            Assert.Equal("Attach a document (PDF, JPEG, PNG)", page.Find("[data-testid=fund-document-attach]").GetAttribute("aria-label"));
            return Task.CompletedTask;
        });
    }

    private static AngleSharp.Dom.IElement DateInput(IRenderedComponent<BankListPage> page) =>
        page.Find("[data-testid=fund-paid-on] input, input[data-testid=fund-paid-on]");

    private async Task<int> CountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.FundEntries.CountAsync();
    }
}

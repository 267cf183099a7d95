using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Reports;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Fund.Reports;

/// <summary>The report page, in English: months, usage items, the chart and the export link, on the class's one app.</summary>
public sealed partial class FundReportsTests
{
    private Task RenderAsync(string role, Action<BunitContext> test) =>
        RegistryTesting.InCultureAsync("en", () => app.Factory.AsAsync(role, async (_, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<FundReports>());
            ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Fund.Disclosures.FundDisclosureFigures>());
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            test(ctx);
        }));

    [Fact]
    public async Task Page_ShowsTheMonthsTheUsageItemsTheChartsAndTheExportLink()
    {
        await RenderAsync(Roles.Manager, ctx =>
        {
            var page = ctx.Render<FundReportsPage>(p => p.Add(x => x.AccountId, app.Fund.AccountId));
            page.WaitForAssertion(() => page.Find("[data-testid=fund-report-months]"), TimeSpan.FromSeconds(10));

            var march = page.Find("[data-testid=fund-report-month-2026-03]").TextContent;
            Assert.Contains("150.50", march, StringComparison.Ordinal);
            Assert.Contains("11,000.00", march, StringComparison.Ordinal);
            Assert.Contains("109,150.50", march, StringComparison.Ordinal);
            Assert.Contains("112,150.50", page.Find("[data-testid=fund-report-months-total]").TextContent, StringComparison.Ordinal);
            var places = page.FindAll("[data-testid=fund-report-place]").Select(r => r.TextContent).ToList();
            Assert.Equal(2, places.Count);
            Assert.Contains($"{app.Building.Name} · 屋面", places[1], StringComparison.Ordinal);
            Assert.Contains("8,000.00", places[1], StringComparison.Ordinal);
            var daily = page.Find("[data-testid=fund-report-usage-DailyRepairs]").TextContent;
            Assert.Contains("Daily repairs", daily, StringComparison.Ordinal);
            Assert.Contains("8,000.00", daily, StringComparison.Ordinal);
            Assert.NotEmpty(page.FindAll("[data-testid=fund-report-charts] svg"));
            page.WaitForAssertion(() => page.Find("[data-testid=fund-half-2026-H1]"), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=fund-half-2026-H2]"));
            Assert.Equal("112,150.50", page.Find("[data-testid=fund-half-closing]").TextContent);
            Assert.Contains("8,000.00", Assert.Single(page.FindAll("[data-testid=fund-half-work]")).TextContent, StringComparison.Ordinal);
            Assert.EndsWith($"/fund/{app.Fund.AccountId}/reports/export?year=2026",
                page.Find("[data-testid=fund-report-export]").GetAttribute("href"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Page_AYearBeforeTheOpening_SaysSo()
    {
        await RenderAsync(Roles.Finance, ctx =>
        {
            var nav = ctx.Services.GetRequiredService<NavigationManager>();
            nav.NavigateTo(nav.GetUriWithQueryParameter("year", 2025));
            var page = ctx.Render<FundReportsPage>(p => p.Add(x => x.AccountId, app.Fund.AccountId));
            page.WaitForAssertion(() => Assert.Equal("The fund was not kept in this year.", page.Find("[data-testid=fund-report-empty]").TextContent.Trim()),
                TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=fund-report-months]"));
        });
    }
}

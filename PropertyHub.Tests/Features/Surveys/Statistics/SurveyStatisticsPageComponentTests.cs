using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys.Statistics;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The statistics page in a circuit: choosing another quarter shows that quarter's numbers.</summary>
[Collection(SurveyStatsCollection.Name)]
public sealed class SurveyStatisticsPageComponentTests(SurveyStatsApp app) : IDisposable
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;

    public void Dispose() => CultureInfo.CurrentUICulture = previousCulture;

    private static IRenderedComponent<SurveyStatisticsPage> RenderPage(BunitContext ctx)
    {
        var host = ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<SurveyStatisticsPage>(1);
            b.CloseComponent();
        });
        return host.FindComponent<SurveyStatisticsPage>();
    }

    [Fact]
    public async Task Page_ChoosingAnotherQuarter_ShowsItsNumbersAndKeepsItInTheAddress()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<SurveyStatistics>());
        ctx.AddAuthorization().SetAuthorized("supervisor").SetAccess(Roles.Supervisor);

        var page = RenderPage(ctx);
        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=answered]").TextContent.Trim()));
        Assert.Equal(2, page.FindAll("[data-testid=dissatisfied-unit]").Count);
        // Eight quarters, oldest first: the six before the survey began have no share; Q3 was all satisfied.
        var satisfied = page.FindAll("[data-testid=trend-satisfied] td").Skip(1).Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["–", "–", "–", "–", "–", "–", "100.0%", "55.6%"], satisfied);

        var select = page.FindComponents<MudSelect<string>>().Single();
        await page.InvokeAsync(() => select.Instance.SelectOption("2026-Q3"));

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=answered]").TextContent.Trim()));
        Assert.Equal("100.0%", page.Find("[data-testid=share-satisfied]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=dissatisfied-unit]"));
        Assert.Contains("quarter=2026-Q3", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Contains("quarter=2026-Q3", page.Find("[data-testid=stats-export]").GetAttribute("href"), StringComparison.Ordinal);
    }
}

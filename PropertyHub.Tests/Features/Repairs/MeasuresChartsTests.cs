using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Repairs.Measures;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The measures' charts: dates with no work order say so in words instead of drawing an empty chart.</summary>
public sealed class MeasuresChartsTests
{
    private static BunitContext Context(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        return ctx;
    }

    private static RepairMeasureRow Row(string group, int orders) =>
        new(group, orders, 0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0);

    [Theory]
    [InlineData("en", "No work orders were raised in these dates.")]
    [InlineData("zh-Hans", "所选日期内没有报修工单。")]
    public async Task NoOrdersRaised_SaidInWords_NoChartDrawn(string culture, string said)
    {
        await using var ctx = Context(culture);

        var charts = ctx.Render<MeasuresCharts>(p => p.Add(c => c.Rows, [Row("李师傅", 0)]));

        Assert.Equal(said, charts.Find("[data-testid=measures-no-orders]").TextContent.Trim());
        Assert.Empty(charts.FindAll("svg"));
    }

    [Fact]
    public async Task OrdersRaised_ChartDrawn_NoEmptyMessage()
    {
        await using var ctx = Context("en");

        var charts = ctx.Render<MeasuresCharts>(p => p.Add(c => c.Rows, [Row("李师傅", 3), Row("王师傅", 1)]));

        Assert.Empty(charts.FindAll("[data-testid=measures-no-orders]"));
        Assert.NotEmpty(charts.FindAll("svg"));
    }
}

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Reception.Measures;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>The weekly on-time chart: a week with no inquiry due says so, it is not drawn as 100 %.</summary>
public sealed class MeasuresTrendTests : IDisposable
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;

    public void Dispose() => CultureInfo.CurrentUICulture = previousCulture;

    [Fact]
    public async Task Trend_AWeekWithNoInquiryDue_NamedAndLeftOutOfTheLine()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        IReadOnlyList<WeekBucket> weeks =
        [
            new(new DateOnly(2026, 11, 2), 3, 4, new Share(3, 4, 0)),
            new(new DateOnly(2026, 11, 9), 1, 0, new Share(0, 0, 0)),
            new(new DateOnly(2026, 11, 16), 0, 2, new Share(2, 2, 0)),
        ];

        var trend = ctx.Render<MeasuresTrend>(p => p.Add(t => t.Weeks, weeks));

        Assert.Equal("No inquiries were due in the weeks of 11-09.", trend.Find("[data-testid=measures-no-inquiries]").TextContent.Trim());
        var line = trend.FindComponents<MudBlazor.MudChart<double>>()[1].Instance;
        Assert.Equal(new[] { "11-02", "11-16" }, line.ChartLabels);
        Assert.Equal(new[] { 75d, 100d }, line.ChartSeries[0].Data.Values);
    }
}

using System.Data;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using PropertyHub.Resources;

namespace PropertyHub.Features.Surveys.Statistics;

/// <summary>The quarter's statistics as a workbook: sheets Items, Buildings, Trend and Dissatisfied, headed in the user's language.</summary>
public sealed class SurveyStatisticsExport(SurveyStatistics statistics, IStringLocalizer<SurveyStatsText> text)
{
    public const string Path = "/surveys/statistics/export";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Link(int estateId, SurveyQuarter quarter) =>
        $"{Path}?estate={estateId.ToString(CultureInfo.InvariantCulture)}&quarter={quarter}";

    public async Task<byte[]> ExportAsync(int estateId, SurveyQuarter quarter, CancellationToken ct = default)
    {
        var stats = await statistics.ComputeAsync(estateId, quarter, CultureInfo.CurrentUICulture.Name, ct);
        var sheets = new Dictionary<string, object>
        {
            ["Items"] = Items(stats),
            ["Buildings"] = Buildings(stats),
            ["Trend"] = Trend(stats.Trend),
            ["Dissatisfied"] = Dissatisfied(stats),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A share as a percentage to one decimal, the way the page shows it.</summary>
    public static double Percent(double share) => Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);

    private DataTable Items(SurveyStats stats)
    {
        var table = Table("Items", ("Item", typeof(string)), ("Answers", typeof(int)), ("Online", typeof(int)), ("Paper", typeof(int)),
            ("AverageScore", typeof(decimal)), ("SatisfiedPercent", typeof(double)), ("DissatisfiedCount", typeof(int)));
        foreach (var i in stats.Items)
            table.Rows.Add(i.Name, i.Answers, i.Online, i.Paper, i.AverageScore, Percent(i.ShareSatisfied), i.Dissatisfied);
        table.Rows.Add(text["AllItems"].Value, stats.Scores, stats.Items.Sum(i => i.Online), stats.Items.Sum(i => i.Paper),
            stats.AverageScore, Percent(stats.ShareSatisfied), stats.Items.Sum(i => i.Dissatisfied));
        return table;
    }

    private DataTable Buildings(SurveyStats stats)
    {
        var table = Table("Buildings", ("Building", typeof(string)), ("Issued", typeof(int)), ("Answered", typeof(int)),
            ("ResponseRatePercent", typeof(double)), ("AverageScore", typeof(decimal)), ("SatisfiedPercent", typeof(double)));
        foreach (var b in stats.Buildings)
            table.Rows.Add(b.Name, b.Issued, b.Answered, Percent(b.ResponseRate), b.AverageScore, Percent(b.ShareSatisfied));
        table.Rows.Add(text["WholeEstate"].Value, stats.Issued, stats.Answered, Percent(stats.ResponseRate), stats.AverageScore, Percent(stats.ShareSatisfied));
        return table;
    }

    private DataTable Trend(SurveyTrend trend)
    {
        var table = Table("Trend", ("Quarter", typeof(string)), ("Issued", typeof(int)), ("Answered", typeof(int)),
            ("ResponseRatePercent", typeof(double)), ("SatisfiedPercent", typeof(double)));
        foreach (var item in trend.Items)
            table.Columns.Add(text["ItemSatisfiedPercent", item.Name].Value, typeof(double));
        foreach (var q in trend.Quarters)
        {
            object[] cells = [q.Quarter.ToString(), q.Issued, q.Answered, Percent(q.ResponseRate), Percent(q.ShareSatisfied)];
            table.Rows.Add([.. cells, .. trend.Items.Select(i => (object)Percent(q.ShareSatisfiedOf(i.ItemId)))]);
        }
        return table;
    }

    private DataTable Dissatisfied(SurveyStats stats)
    {
        var table = Table("Dissatisfied", ("Quarter", typeof(string)), ("Unit", typeof(string)), ("Item", typeof(string)), ("Score", typeof(int)),
            ("Comment", typeof(string)), ("Suggestion", typeof(string)), ("AnsweredAt", typeof(string)), ("AnsweredVia", typeof(string)),
            ("Rectification", typeof(string)));
        foreach (var d in stats.Dissatisfied)
        {
            table.Rows.Add(d.Quarter, d.Unit, d.Item, d.Score, d.Comment, d.Suggestion,
                d.AnsweredAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Via(d.AnsweredVia), Status(d.Rectification));
        }
        return table;
    }

    public string? Via(string? channel) => channel is null ? null : text["Via_" + channel].Value;

    public string Status(RectificationStatus? status) => status is null ? text["NoRectification"].Value : text["Rectification_" + status].Value;

    private DataTable Table(string name, params (string Key, Type Type)[] columns)
    {
        var table = new DataTable(name);
        foreach (var (key, type) in columns)
            table.Columns.Add(text["Col_" + key].Value, type);
        return table;
    }
}

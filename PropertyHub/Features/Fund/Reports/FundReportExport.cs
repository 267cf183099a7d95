using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund.Reports;

/// <summary>
/// A year's fund report as an XLSX of three sheets, in the user's language: the balance by month (with the year's totals),
/// the spending by usage item and by building and common part. Amounts stay numbers, shown with two decimals and thousands separators.
/// </summary>
public sealed class FundReportExport(FundReports reports, IStringLocalizer<FundReportText> text, IStringLocalizer<FundText> fund,
    IStringLocalizer<FundPlaceText> place, IStringLocalizer<FundLedgerText> ledger)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Column A's width in characters: "业主委员会活动经费" or "3号楼 · 地下车库" read whole.</summary>
    internal const double NameWidth = 36;

    private static readonly string[] Money = ["Opening", "Contributions", "Interest", "Other", "Spending", "Closing", "Spent"];

    public static string Link(int accountId, int year) => FormattableString.Invariant($"/fund/{accountId}/reports/export?year={year}");

    public async Task<(byte[] Bytes, string FileName)?> ExportAsync(int accountId, int? year, CancellationToken ct = default)
    {
        var report = await reports.YearAsync(accountId, year, ct);
        if (report is null)
            return null;
        var title = $"{text["Title"]} {report.EstateName} {report.Year}";
        var months = new List<Dictionary<string, object?>>
        {
            MonthRow(title, report.BankName, report.MaskedNumber, null, null, null, null),
            MonthRow(text["Col_Month"].Value, text["Col_Opening"].Value, text["Col_Contributions"].Value, text["Col_Interest"].Value,
                text["Col_OtherReceipts"].Value, text["Col_Spending"].Value, text["Col_Closing"].Value),
        };
        months.AddRange(report.Months.Select(m => MonthRow(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Opening,
            m.Contributions, m.Interest, m.OtherReceipts, m.Spending, m.Closing)));
        months.Add(MonthRow(text["Total"].Value, report.Opening, report.Months.Sum(m => m.Contributions), report.Months.Sum(m => m.Interest),
            report.Months.Sum(m => m.OtherReceipts), report.Spending, report.Closing));
        var usage = new List<Dictionary<string, object?>>
        {
            UsageRow(title, null, null),
            UsageRow(text["Col_UsageItem"].Value, text["Col_Spent"].Value, text["Col_Lines"].Value),
        };
        usage.AddRange(report.ByUsage.Select(u => UsageRow(fund[$"Usage_{u.Item}"].Value, u.Spending, u.Lines)));
        usage.Add(UsageRow(ledger["AdjustmentsRow"].Value, report.Adjustments.Spending, report.Adjustments.Lines));
        usage.Add(UsageRow(text["Total"].Value, report.SpendingByUsageTotal, report.ByUsage.Sum(u => u.Lines) + report.Adjustments.Lines));
        var places = new List<Dictionary<string, object?>>
        {
            UsageRow(title, null, null),
            UsageRow(place["Col_Place"].Value, text["Col_Spent"].Value, text["Col_Lines"].Value),
        };
        places.AddRange(report.ByPlace.Select(p => UsageRow(FundPlaceNames.Of(p, place), p.Spending, p.Lines)));
        if (report.Adjustments.Lines > 0 || report.Adjustments.Spending != 0)
            places.Add(UsageRow(ledger["AdjustmentsRow"].Value, report.Adjustments.Spending, report.Adjustments.Lines));
        places.Add(UsageRow(text["Total"].Value, report.SpendingByPlaceTotal, report.ByPlace.Sum(p => p.Lines) + report.Adjustments.Lines));
        var sheets = new Dictionary<string, object>
        {
            [text["SheetMonths"].Value] = months,
            [text["SheetUsage"].Value] = usage,
            [place["SheetPlaces"].Value] = places,
        };
        var configuration = new OpenXmlConfiguration
        {
            // Column A holds the month, or a usage item's or a place's name: wide enough to read them whole.
            DynamicColumns = Money.Select(key => new DynamicExcelColumn(key) { Format = "#,##0.00", Width = 16 })
                .Concat([new DynamicExcelColumn("Month") { Width = NameWidth }, new DynamicExcelColumn("Item") { Width = NameWidth },
                    new DynamicExcelColumn("Lines") { Width = 12 }])
                .ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration);
        return (stream.ToArray(), FormattableString.Invariant($"fund-report-{report.AccountId}-{report.Year}.xlsx"));
    }

    private static Dictionary<string, object?> MonthRow(object? month, object? opening, object? contributions, object? interest, object? other,
        object? spending, object? closing) => new()
    {
        ["Month"] = month, ["Opening"] = opening, ["Contributions"] = contributions, ["Interest"] = interest, ["Other"] = other,
        ["Spending"] = spending, ["Closing"] = closing,
    };

    private static Dictionary<string, object?> UsageRow(object? item, object? spent, object? lines) =>
        new() { ["Item"] = item, ["Spent"] = spent, ["Lines"] = lines };
}

using System.Data;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.Repairs.Measures;

/// <summary>
/// The repair measures of a date range as a workbook: one sheet per grouping (engineer, category, building) with the
/// total last, and the accepted repairs still waiting for their follow-up call.
/// </summary>
public sealed class RepairMeasuresExport(WorkOrderService orders, EstateTime time, IStringLocalizer<RepairsText> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Link(DateOnly from, DateOnly to) => FormattableString.Invariant($"/repairs/measures/export?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    public async Task<(byte[] Bytes, string FileName)> ExportAsync(int estateId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var report = await orders.MeasuresAsync(estateId, from, to, ct);
        var sheets = new Dictionary<string, object>
        {
            [text["ByEngineer"].Value] = Table(report.ByEngineer, report.Total),
            [text["ByCategory"].Value] = Table(report.ByCategory, report.Total),
            [text["ByBuilding"].Value] = Table(report.ByBuilding, report.Total),
            [text["SheetMissing"].Value] = Missing(estateId, report.Missing),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return (stream.ToArray(), FormattableString.Invariant($"repair-measures-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.xlsx"));
    }

    private DataTable Table(IReadOnlyList<RepairMeasureRow> rows, RepairMeasureRow total)
    {
        var table = new DataTable();
        table.Columns.Add(text["Col_Group"].Value, typeof(string));
        foreach (var key in (string[])["MeasureOrders", "MeasureAccepted", "MeasureFollowedUp"])
            table.Columns.Add(text[key].Value, typeof(int));
        table.Columns.Add(text["FollowUpRate"].Value + " %", typeof(double));
        table.Columns.Add(text["Col_Visits"].Value, typeof(int));
        table.Columns.Add(text["Col_Kept"].Value, typeof(int));
        table.Columns.Add(text["AppointmentsKept"].Value + " %", typeof(double));
        foreach (var key in (string[])["Col_ScheduleMedian", "Col_ScheduleP90", "Col_CompleteMedian", "Col_CompleteP90"])
            table.Columns.Add(text[key].Value, typeof(double));
        table.Columns.Add(text["FirstVisitFix"].Value + " %", typeof(double));
        table.Columns.Add(text["Satisfaction"].Value + " %", typeof(double));
        table.Columns.Add(text["Reworks"].Value, typeof(int));
        foreach (var row in rows.Append(total with { Group = text["Total"].Value }))
            table.Rows.Add(row.Group, row.Orders, row.Accepted, row.FollowedUp, Percent(row.FollowUpRate), row.Visits, row.Kept, Percent(row.KeptRate),
                Cell(row.MedianHoursToSchedule), Cell(row.P90HoursToSchedule), Cell(row.MedianHoursToComplete), Cell(row.P90HoursToComplete),
                Percent(row.FirstVisitFixRate), Percent(row.SatisfactionRate), row.Reworks);
        return table;
    }

    private DataTable Missing(int estateId, IReadOnlyList<MissingFollowUp> missing)
    {
        var table = new DataTable();
        table.Columns.Add(text["Col_WorkOrder"].Value, typeof(int));
        table.Columns.Add(text["Col_Where"].Value, typeof(string));
        table.Columns.Add(text["Col_AcceptedAt"].Value, typeof(string));
        foreach (var m in missing)
            table.Rows.Add(m.WorkOrderId, m.Where, time.ToLocal(estateId, m.AcceptedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        return table;
    }

    // A rate with nothing to measure is an empty cell, not 0% (nor 100%).
    private static object Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : DBNull.Value;

    private static object Cell(double? value) => value is { } v ? v : DBNull.Value;
}

using System.Data;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fees.Books;

/// <summary>The month's fee report as a workbook: sheets Summary, Buildings, Units and Aging, headed in the user's language.</summary>
public sealed class FeeReportExport(FeeBooks books, IStringLocalizer<BooksText> text)
{
    public const string Path = "/fees/books/export";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Link(int estateId, DateOnly month) =>
        $"{Path}?estate={estateId.ToString(CultureInfo.InvariantCulture)}&month={MonthText(month)}";

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>A rate as a percentage to one decimal, the way the page shows it.</summary>
    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;

    public async Task<byte[]?> ExportAsync(int estateId, DateOnly month, CancellationToken ct = default)
    {
        var book = await books.BookAsync(estateId, month, ct);
        if (book is null)
            return null;
        var sheets = new Dictionary<string, object>
        {
            ["Summary"] = Summary(book),
            ["Buildings"] = Buildings(book),
            ["Units"] = Units(book),
            ["Aging"] = Aging(book),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private DataTable Summary(FeeBook book)
    {
        var table = Figures("Summary", ("Estate", typeof(string)), ("Month", typeof(string)));
        AddFigures(table, book.Estate, book.EstateName, MonthText(book.Month));
        return table;
    }

    private DataTable Buildings(FeeBook book)
    {
        var table = Figures("Buildings", ("Building", typeof(string)));
        foreach (var b in book.Buildings)
            AddFigures(table, b.Figures, b.Name);
        AddFigures(table, book.Estate, text["WholeEstate"].Value);
        return table;
    }

    private DataTable Units(FeeBook book)
    {
        var table = Figures("Units", ("Unit", typeof(string)));
        foreach (var u in book.Units)
            AddFigures(table, u.Figures, u.Unit);
        return table;
    }

    private DataTable Aging(FeeBook book)
    {
        var table = Table("Aging", ("DaysPastDue", typeof(string)), ("Requests", typeof(int)), ("Outstanding", typeof(decimal)));
        foreach (var bucket in book.Aging)
            table.Rows.Add(text["Aging_" + bucket.Key].Value, bucket.Requests, bucket.Amount);
        table.Rows.Add(text["Total"].Value, book.Aging.Sum(b => b.Requests), book.Aging.Sum(b => b.Amount));
        return table;
    }

    private DataTable Figures(string name, params (string Key, Type Type)[] first) =>
        Table(name, [.. first, ("Receivable", typeof(decimal)), ("Collected", typeof(decimal)), ("ReceivedInMonth", typeof(decimal)),
            ("Arrears", typeof(decimal)), ("CollectionRatePercent", typeof(double))]);

    private static void AddFigures(DataTable table, BooksFigures f, params object[] first) =>
        table.Rows.Add([.. first, f.Receivable, f.Collected, f.ReceivedInMonth, f.Arrears, (object?)Percent(f.CollectionRate) ?? DBNull.Value]);

    private DataTable Table(string name, params (string Key, Type Type)[] columns)
    {
        var table = new DataTable(name);
        foreach (var (key, type) in columns)
            table.Columns.Add(text["Col_" + key].Value, type);
        return table;
    }
}

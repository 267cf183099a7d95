using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund.BankLists;

/// <summary>
/// A bank expense list as one sheet in the layout banks take for batch payments: No., payee, account, amount, purpose.
/// Every column has its width; the header row stays in view (frozen) and carries the filter, which covers the lines
/// only: the title above and the total below stay out of it. The file is named in the user's language.
/// </summary>
public sealed class BankListExport(BankListService lists, IStringLocalizer<FundText> text, IStringLocalizer<FundLedgerText> ledger)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The widths of columns A to E (No., payee, payee account, amount, purpose), in characters.</summary>
    internal static readonly double[] Widths = [6, 32, 26, 16, 40];

    public static string Link(int listId) => FormattableString.Invariant($"/fund/lists/{listId}/export");

    public async Task<(byte[] Bytes, string FileName)?> ExportAsync(int listId, CancellationToken ct = default)
    {
        var sheet = await lists.SheetAsync(listId, ct);
        if (sheet is null)
            return null;
        // Above the columns the bank reads: the list's number, estate, bank and account; below them, after the lines, the total.
        // Amounts stay numbers, shown with two decimals and thousands separators.
        var rows = new List<Dictionary<string, object?>>
        {
            Row($"{text["BankListTitle"]} {sheet.List.Number}", sheet.EstateName, sheet.BankName, null, sheet.MaskedAccount),
            Row(text["Col_No"].Value, text["Col_Payee"].Value, text["Col_PayeeAccount"].Value, text["Col_Amount"].Value, text["Col_Purpose"].Value),
        };
        rows.AddRange(sheet.Lines.Select(l => Row(l.No, l.Payee, l.PayeeAccount, l.Amount, l.Purpose)));
        rows.Add(Row(null, text["Total"].Value, null, sheet.Lines.Sum(l => l.Amount), null));
        var columns = "ABCDE".Select((key, i) => new DynamicExcelColumn(key.ToString()) { Width = Widths[i], Format = key == 'D' ? "#,##0.00" : null! })
            .ToArray();
        var configuration = new OpenXmlConfiguration { DynamicColumns = columns, FreezeRowCount = 2 };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: sheet.List.Number, excelType: ExcelType.XLSX, configuration: configuration);
        // The header (row 2) and the lines: the total row (last) is not filtered away with them.
        var lastLine = 2 + sheet.Lines.Count;
        var bytes = XlsxAutoFilter.Add(stream.ToArray(), FormattableString.Invariant($"A2:E{lastLine}"));
        return (bytes, string.Format(CultureInfo.CurrentCulture, ledger["BankListFileName"].Value, sheet.List.Number) + ".xlsx");
    }

    private static Dictionary<string, object?> Row(object? a, object? b, object? c, object? d, object? e) =>
        new() { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = d, ["E"] = e };
}

using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund.BankLists;

/// <summary>A bank expense list as one sheet in the layout banks take for batch payments: No., payee, account, amount, purpose.</summary>
public sealed class BankListExport(BankListService lists, IStringLocalizer<FundText> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Link(int listId) => FormattableString.Invariant($"/fund/lists/{listId}/export");

    public async Task<(byte[] Bytes, string FileName)?> ExportAsync(int listId, CancellationToken ct = default)
    {
        var sheet = await lists.SheetAsync(listId, ct);
        if (sheet is null)
            return null;
        // Above the columns the bank reads: the list's number, estate, bank and account; below them the total.
        // Amounts stay numbers, shown with two decimals and thousands separators.
        var rows = new List<Dictionary<string, object?>>
        {
            Row($"{text["BankListTitle"]} {sheet.List.Number}", sheet.EstateName, sheet.BankName, null, sheet.MaskedAccount),
            Row(text["Col_No"].Value, text["Col_Payee"].Value, text["Col_PayeeAccount"].Value, text["Col_Amount"].Value, text["Col_Purpose"].Value),
        };
        rows.AddRange(sheet.Lines.Select(l => Row(l.No, l.Payee, l.PayeeAccount, l.Amount, l.Purpose)));
        rows.Add(Row(null, text["Total"].Value, null, sheet.Lines.Sum(l => l.Amount), null));
        var configuration = new OpenXmlConfiguration { DynamicColumns = [new DynamicExcelColumn("D") { Format = "#,##0.00", Width = 16 }] };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: sheet.List.Number, excelType: ExcelType.XLSX, configuration: configuration);
        return (stream.ToArray(), $"bank-expense-list-{sheet.List.Number}.xlsx");
    }

    private static Dictionary<string, object?> Row(object? a, object? b, object? c, object? d, object? e) =>
        new() { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = d, ["E"] = e };
}

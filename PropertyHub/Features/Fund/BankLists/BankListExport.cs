using System.Data;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
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
        var table = new DataTable(sheet.List.Number);
        table.Columns.Add(text["Col_No"].Value, typeof(int));
        table.Columns.Add(text["Col_Payee"].Value, typeof(string));
        table.Columns.Add(text["Col_PayeeAccount"].Value, typeof(string));
        table.Columns.Add(text["Col_Amount"].Value, typeof(decimal));
        table.Columns.Add(text["Col_Purpose"].Value, typeof(string));
        foreach (var line in sheet.Lines)
            table.Rows.Add(line.No, line.Payee, line.PayeeAccount, line.Amount, line.Purpose);
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [sheet.List.Number] = table }, excelType: ExcelType.XLSX);
        return (stream.ToArray(), $"bank-expense-list-{sheet.List.Number}.xlsx");
    }
}

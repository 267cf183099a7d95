using System.Text;
using MiniExcelLibs;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Registry.Import;

namespace PropertyHub.Tests.Features.Registry.Import;

/// <summary>Builds import sheets in memory, as CSV text or XLSX workbooks.</summary>
internal static class ImportFiles
{
    public static readonly string[] Header =
        ["BuildingCode", "BuildingName", "UnitNumber", "Floor", "Area", "Use", "OccupantRole", "OccupantKind", "OccupantName",
         "Phone", "Phone2", "Email", "IdNumber", "IsVip", "VipNotes", "PreferredLanguage"];

    public static string[] Unit(string building, string number, string floor = "1", string area = "88.50", string use = "Residential") =>
        [building, building + "号楼", number, floor, area, use, "", "", "", "", "", "", "", "", "", ""];

    public static string[] Owner(string building, string number, string name, string phone, string floor = "1", string area = "88.50") =>
        [building, building + "号楼", number, floor, area, "住宅", "业主", "个人", name, phone, "", "", PersonId(name.Length), "否", "", "zh-Hans"];

    public static string PersonId(int serial)
    {
        var first17 = $"350102198001{serial % 28 + 1:00}{serial % 1000:000}";
        return first17 + IdNumbers.CheckCharacter(first17);
    }

    public static MemoryStream Csv(IEnumerable<string[]> rows, string[]? header = null, Encoding? encoding = null)
    {
        var text = new StringBuilder();
        foreach (var row in new[] { header ?? Header }.Concat(rows))
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return new MemoryStream((encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text.ToString())).ToArray());
    }

    public static MemoryStream Xlsx(IEnumerable<string[]> rows, string[]? header = null)
    {
        var columns = header ?? Header;
        var sheet = rows.Select(r => columns.Select((c, i) => (c, v: i < r.Length ? (object?)r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static Dictionary<(string, string), int> UnitKeys(IEnumerable<ImportRow> rows) =>
        rows.GroupBy(r => (r[ImportColumn.BuildingCode]!, r[ImportColumn.UnitNumber]!)).ToDictionary(g => g.Key, g => g.Count());
}

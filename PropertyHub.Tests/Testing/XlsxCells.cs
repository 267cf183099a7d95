using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace PropertyHub.Tests.Testing;

/// <summary>Reads the cells of a workbook's first sheet as a spreadsheet program would see them.</summary>
internal static class XlsxCells
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Every cell: its type attribute, its text (shared strings resolved) and whether it carries a formula.</summary>
    public static List<(string? Type, string? Value, bool Formula)> Read(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Root!.Elements(Sheet + "si").Select(si => string.Concat(si.Descendants(Sheet + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return sheet.Descendants(Sheet + "c").Select(c =>
        {
            var type = (string?)c.Attribute("t");
            var value = type switch
            {
                "s" => shared[int.Parse(c.Element(Sheet + "v")!.Value, CultureInfo.InvariantCulture)],
                "inlineStr" => string.Concat(c.Descendants(Sheet + "t").Select(t => t.Value)),
                _ => c.Element(Sheet + "v")?.Value,
            };
            return (type, value, c.Element(Sheet + "f") is not null);
        }).ToList();
    }

    /// <summary>The one cell holding <paramref name="text"/> is a string cell without a formula, so no spreadsheet evaluates it.</summary>
    public static void AssertPlainText(List<(string? Type, string? Value, bool Formula)> cells, string text)
    {
        var cell = Assert.Single(cells, c => c.Value == text);
        Assert.False(cell.Formula);
        Assert.Contains(cell.Type, new[] { "s", "str", "inlineStr" });
    }
}

using System.IO.Compression;
using System.Xml.Linq;

namespace PropertyHub.Features.Fund.BankLists;

/// <summary>
/// Puts a filter on a range of a workbook's first sheet. MiniExcel's own filter covers the whole sheet (a title above
/// the header and a total below the lines with it); this one covers exactly the header and the lines.
/// </summary>
internal static class XlsxAutoFilter
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static byte[] Add(byte[] workbook, string range)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException("The workbook has no first sheet.");
            XDocument document;
            using (var read = entry.Open())
                document = XDocument.Load(read);
            var root = document.Root!;
            root.Element(Sheet + "autoFilter")?.Remove();
            // The schema's order: autoFilter comes right after the sheet's data (and any protection, which this sheet has none of).
            root.Element(Sheet + "sheetData")!.AddAfterSelf(new XElement(Sheet + "autoFilter", new XAttribute("ref", range)));
            entry.Delete();
            var rewritten = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            using var write = rewritten.Open();
            document.Save(write, SaveOptions.DisableFormatting);
        }
        return stream.ToArray();
    }
}

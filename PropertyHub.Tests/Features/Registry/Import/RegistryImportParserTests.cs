using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using PropertyHub.Features.Registry.Import;
using static PropertyHub.Tests.Features.Registry.Import.ImportFiles;

namespace PropertyHub.Tests.Features.Registry.Import;

public sealed class RegistryImportParserTests
{
    private readonly RegistryImportParser parser = new(NullLogger<RegistryImportParser>.Instance);

    [Fact]
    public async Task Parse_Csv_ReadsRowsWithSheetRowNumbers()
    {
        var result = await parser.ParseAsync(Csv([Unit("9", "101"), Owner("9", "102", "张三", "13900009901")]), "units.csv");

        Assert.Null(result.FileError);
        Assert.Equal([2, 3], result.Rows.Select(r => r.Number));
        Assert.Equal("102", result.Rows[1][ImportColumn.UnitNumber]);
        Assert.Equal("张三", result.Rows[1][ImportColumn.OccupantName]);
        Assert.Null(result.Rows[0][ImportColumn.OccupantName]);
    }

    [Fact]
    public async Task Parse_XlsxWithChineseHeadersInAnyCase_MapsColumns()
    {
        string[] header = ["楼栋编号", "樓棟名稱", "单元号", "楼层", "面积", "用途", "业户名称", "PHONE"];
        var result = await parser.ParseAsync(Xlsx([["9", "9号楼", "101", "1", "88.5", "住宅", "王五", "13900009902"]], header), "单元.XLSX");

        Assert.Null(result.FileError);
        var row = Assert.Single(result.Rows);
        Assert.Equal(2, row.Number);
        Assert.Equal("9号楼", row[ImportColumn.BuildingName]);
        Assert.Equal("88.5", row[ImportColumn.Area]);
        Assert.Equal("13900009902", row[ImportColumn.Phone]);
    }

    [Fact]
    public async Task Parse_GbkCsvFromChineseExcel_ReadsChinese()
    {
        var result = await parser.ParseAsync(Csv([Owner("9", "101", "赵六", "13900009903")], encoding: Encoding.GetEncoding(54936)), "gbk.csv");

        Assert.Null(result.FileError);
        Assert.Equal("赵六", Assert.Single(result.Rows)[ImportColumn.OccupantName]);
    }

    [Fact]
    public async Task Parse_MissingRequiredColumns_NamesThem()
    {
        string[] header = ["BuildingCode", "BuildingName", "Floor", "Use", "OccupantName"];
        var result = await parser.ParseAsync(Csv([["9", "9号楼", "1", "住宅", "张三"]], header), "units.csv");

        Assert.Empty(result.Rows);
        Assert.Equal("MissingColumns", result.FileError?.Key);
        Assert.Equal([ImportColumn.UnitNumber, ImportColumn.Area], Assert.IsType<ImportColumn[]>(Assert.Single(result.FileError!.Arguments)));
    }

    [Fact]
    public async Task Parse_RandomBytesNamedXlsx_IsNotAnExcelFile()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);

        var result = await parser.ParseAsync(new MemoryStream(bytes), "units.xlsx");

        Assert.Equal("NotExcel", result.FileError?.Key);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Parse_CsvRenamedToXlsx_IsNotAnExcelFile()
    {
        var result = await parser.ParseAsync(Csv([Unit("9", "101")]), "units.xlsx");

        Assert.Equal("NotExcel", result.FileError?.Key);
    }

    [Theory]
    [InlineData("units.doc")]
    [InlineData("units.xlsm")]
    [InlineData("units")]
    public async Task Parse_UnknownExtension_IsRejected(string fileName)
    {
        var result = await parser.ParseAsync(Csv([Unit("9", "101")]), fileName);

        Assert.Equal("UnknownExtension", result.FileError?.Key);
    }

    [Fact]
    public async Task Parse_EmptyFiles_AreRejected()
    {
        Assert.Equal("EmptyFile", (await parser.ParseAsync(new MemoryStream(), "units.csv")).FileError?.Key);
        Assert.Equal("EmptyFile", (await parser.ParseAsync(new MemoryStream("\r\n\r\n"u8.ToArray()), "units.csv")).FileError?.Key);
        Assert.Equal("NoDataRows", (await parser.ParseAsync(Csv([]), "units.csv")).FileError?.Key);
        Assert.Equal("NoDataRows", (await parser.ParseAsync(Xlsx([[]]), "units.xlsx")).FileError?.Key);
    }

    [Fact]
    public async Task Parse_DuplicateColumn_IsRejected()
    {
        string[] header = [.. Header, "单元号"];
        var result = await parser.ParseAsync(Csv([[.. Unit("9", "101"), "102"]], header), "units.csv");

        Assert.Equal("DuplicateColumn", result.FileError?.Key);
    }

    [Fact]
    public async Task Parse_100000GarbageCsvRows_RejectedAtTheLimit()
    {
        // The encoding is decided on every byte of the file (at most MaxFileBytes); the rows stop at the limit.
        var garbage = Enumerable.Range(0, 100_000).Select(i => new[] { $"x{i}", "垃圾", "??", "abc", "-1", "nope" });

        var result = await parser.ParseAsync(Csv(garbage), "garbage.csv");

        Assert.Equal("TooManyRows", result.FileError?.Key);
        Assert.Equal(RegistryImportParser.MaxRows, Assert.Single(result.FileError!.Arguments));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Parse_100000GarbageXlsxRows_RejectedAtTheLimit()
    {
        var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(0, 100_000).Select(i => new Dictionary<string, object>
        {
            ["BuildingCode"] = i, ["BuildingName"] = "垃圾", ["UnitNumber"] = "??", ["Floor"] = "abc", ["Area"] = -1, ["Use"] = "nope",
        }), excelType: ExcelType.XLSX);
        stream.Position = 0;

        var result = await parser.ParseAsync(stream, "garbage.xlsx");

        Assert.Equal("TooManyRows", result.FileError?.Key);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Parse_ExactlyTheRowLimit_IsAccepted()
    {
        var rows = Enumerable.Range(0, RegistryImportParser.MaxRows).Select(i => Unit("9", i.ToString()));

        var result = await parser.ParseAsync(Csv(rows), "limit.csv");

        Assert.Null(result.FileError);
        Assert.Equal(RegistryImportParser.MaxRows, result.Rows.Count);
    }

    [Fact]
    public async Task Parse_NonSeekableStreamOverTenMegabytes_IsRejected()
    {
        var big = new NonSeekableStream(new MemoryStream(new byte[RegistryImportParser.MaxFileBytes + 1]));

        var result = await parser.ParseAsync(big, "big.csv");

        Assert.Equal("FileTooLarge", result.FileError?.Key);
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Text;
using MiniExcelLibs;
using PropertyHub.Features.Fund.Reconciliation;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>Reading bank statements as Chinese banks export them, and the bad files.</summary>
public sealed class StatementReaderTests
{
    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    private const string CcbCsv = """
        中国建设银行 账户明细
        账号:3501000012345678,户名:某某小区维修基金
        交易日期,摘要,借方发生额,贷方发生额,余额,对方户名,交易流水号
        2026-03-02,业主缴存,,"12,000.00","112,000.00",某某物业,LS001
        2026/03/12,维修款,1200.00,,110800.00,福州安居维修工程有限公司,BK20260312001
        20260321,结息,,35.12,110835.12,,LS003
        合计,,1200.00,12035.12,,,
        """;

    private static StatementRead Read(byte[] bytes, string name) => StatementReader.Read(bytes, name, StatementColumns.Common);

    [Fact]
    public void Gb18030Csv_WithAccountLinesAboveTheHeader_ReadsLinesAccountAndClosingBalance()
    {
        var read = Read(Gb18030.GetBytes(CcbCsv), "流水.csv");

        Assert.True(read.Ok, read.Error);
        Assert.Equal("3501000012345678", read.AccountNumber);
        Assert.Equal([12000m, -1200m, 35.12m], read.Rows.Select(r => r.Amount));
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 21)], read.Rows.Select(r => r.Date));
        Assert.Equal(("福州安居维修工程有限公司", "BK20260312001"), (read.Rows[1].Counterparty, read.Rows[1].Reference));
        Assert.Equal(110_835.12m, read.ClosingBalance);
    }

    [Fact]
    public void Utf8Csv_SameLines()
    {
        var read = Read(Encoding.UTF8.GetBytes(CcbCsv), "statement.csv");

        Assert.Equal([12000m, -1200m, 35.12m], read.Rows.Select(r => r.Amount));
    }

    [Fact]
    public void Xlsx_SignedAmountColumn()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object> { ["A"] = "账号", ["B"] = "3501000012345678", ["C"] = "" },
            new Dictionary<string, object> { ["A"] = "记账日期", ["B"] = "交易金额(元)", ["C"] = "账户余额" },
            new Dictionary<string, object> { ["A"] = "2026-03-05", ["B"] = -250.5, ["C"] = 999.5 },
        }, printHeader: false, excelType: ExcelType.XLSX);

        var read = Read(stream.ToArray(), "statement.xlsx");

        Assert.True(read.Ok, read.Error);
        Assert.Equal(("3501000012345678", -250.5m, 999.5m), (read.AccountNumber, read.Rows.Single().Amount, read.ClosingBalance));
    }

    [Fact]
    public void UnknownLayout_SaysWhichColumnsWereNotFound()
    {
        var read = Read(Encoding.UTF8.GetBytes("Posting day,Out,In,Memo\n2026-03-01,1.00,,x\n"), "statement.csv");

        Assert.False(read.Ok);
        Assert.Equal([StatementField.Date, StatementField.Debit, StatementField.Credit], read.Missing);
        Assert.Equal(["Posting day", "Out", "In", "Memo"], read.Headers);
    }

    [Fact]
    public void SavedMapping_ReadsTheSameUnknownLayout()
    {
        var mapping = new StatementColumns(new Dictionary<StatementField, IReadOnlyList<string>>
        {
            [StatementField.Date] = ["Posting day"], [StatementField.Debit] = ["Out"], [StatementField.Credit] = ["In"], [StatementField.Summary] = ["Memo"],
        });

        var read = StatementReader.Read(Encoding.UTF8.GetBytes("Posting day,Out,In,Memo\n2026-03-01,1.00,,x\n"), "statement.csv", mapping);

        Assert.True(read.Ok);
        Assert.Equal(-1m, read.Rows.Single().Amount);
    }

    [Fact]
    public void ThreeDecimals_RefusedWithTheRow()
    {
        var read = Read(Encoding.UTF8.GetBytes("交易日期,交易金额\n2026-03-01,10.005\n"), "statement.csv");

        Assert.Equal("StatementAmountTooManyDecimals", read.Error);
        Assert.Equal([2, "10.005"], read.ErrorArgs!);
    }

    [Fact]
    public void NeitherUtf8NorGb18030_Refused()
    {
        var read = Read([0x81, 0x20, 0x0A, 0xFF, 0xFF], "statement.csv");

        Assert.Equal("StatementEncodingUnknown", read.Error);
    }

    [Fact]
    public void OldExcel_Refused()
    {
        Assert.Equal("StatementOldExcel", Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "statement.csv").Error);
    }
}

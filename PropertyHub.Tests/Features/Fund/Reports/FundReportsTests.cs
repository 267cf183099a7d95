using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Fund.Reports;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Fund.Reports;

/// <summary>
/// The fund's year report on one app whose clock stands at 15 June 2026: an account opened with 100,000.00 on 1 January,
/// contributions in February, interest in March, two repairs paid in March (one reversed in June) and another receipt
/// in April reversed in June.
/// The page's tests are in FundReportsPageTests.cs, on the same app.
/// </summary>
public sealed partial class FundReportsTests : IClassFixture<FundReportsTests.App>
{
    private readonly App app;

    public FundReportsTests(App app) => this.app = app;

    public sealed class App : IAsyncLifetime
    {
        public ClockedAppFactory Factory { get; } = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8)));
        public FundScenario Fund { get; private set; } = null!;
        /// <summary>The building the paid repairs name: the 8,000.00 one on its roof (屋面), the reversed 3,000.00 one the building alone.</summary>
        public (int Id, string Name) Building { get; private set; }

        public async Task InitializeAsync()
        {
            Fund = await new FundScenario(Factory).OpenAsync();
            await using (var db = await Factory.CreateDbContextAsync())
                Building = await db.Buildings.Where(b => b.Estate!.Id == db.FundAccounts.Single(a => a.Id == Fund.AccountId).EstateId)
                    .OrderBy(b => b.Id).Select(b => ValueTuple.Create(b.Id, b.Name)).FirstAsync();
            Assert.True((await Fund.ReceiveAsync("20000.00", new DateOnly(2026, 2, 3))).Ok);
            Assert.True((await Fund.ReceiveAsync("150.50", new DateOnly(2026, 3, 21), FundReceiptSource.Interest)).Ok);
            var other = (await Fund.ReceiveAsync("500.00", new DateOnly(2026, 4, 2), FundReceiptSource.Other)).Id!.Value;
            await Fund.PaidExpenditureAsync("8000.00", e => (e.BuildingId, e.CommonPart) = (Building.Id, " 屋面 "));
            var wrong = await Fund.PaidExpenditureAsync("3000.00", e => e.BuildingId = Building.Id);
            Assert.True((await Reverse(wrong, "重复付款")).Ok);
            Assert.True((await Reverse(other, "误记")).Ok);
        }

        private Task<FundResult> Reverse(int id, string reason) =>
            Fund.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(id, reason));

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private Task<FundReport?> ReportAsync(int? year, string role = Roles.Finance) =>
        app.Fund.As(role, sp => sp.GetRequiredService<FundReports>().YearAsync(app.Fund.AccountId, year));

    [Fact]
    public async Task BalanceByMonth_FromTheOpeningToThisMonth_ReversalsNetOutInTheMonthTheyWereRecorded()
    {
        var report = (await ReportAsync(null, Roles.Manager))!;

        Assert.Equal(2026, report.Year);
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
            report.Months.Select(m => m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        Assert.Equal([100_000m, 100_000m, 120_000m, 109_150.50m, 109_650.50m, 109_650.50m], report.Months.Select(m => m.Opening));
        Assert.Equal([0m, 20_000m, 0m, 0m, 0m, 0m], report.Months.Select(m => m.Contributions));
        Assert.Equal([0m, 0m, 150.50m, 0m, 0m, 0m], report.Months.Select(m => m.Interest));
        Assert.Equal([0m, 0m, 0m, 500m, 0m, -500m], report.Months.Select(m => m.OtherReceipts));
        Assert.Equal([0m, 0m, 11_000m, 0m, 0m, -3_000m], report.Months.Select(m => m.Spending));
        Assert.Equal(112_150.50m, report.Closing);
        Assert.Equal((await app.Fund.AccountAsync())!.Balance.Ledger, report.Closing);
        Assert.Equal([2026], report.Years);
    }

    [Fact]
    public async Task SpendingByUsageItem_NetOfTheReversal_CountsThePaidLines()
    {
        var report = (await ReportAsync(2026))!;

        var daily = Assert.Single(report.ByUsage, u => u.Item == FundUsageItem.DailyRepairs);
        Assert.Equal((8_000m, 2), (daily.Spending, daily.Lines));
        Assert.All(report.ByUsage.Where(u => u.Item != FundUsageItem.DailyRepairs), u => Assert.Equal((0m, 0), (u.Spending, u.Lines)));
        Assert.Equal(Enum.GetValues<FundUsageItem>().Length, report.ByUsage.Count);
    }

    [Fact]
    public async Task YearsOutsideTheFund_HaveNoMonths_AndAnUnknownAccountIsNull()
    {
        Assert.Empty((await ReportAsync(2025))!.Months);
        Assert.Empty((await ReportAsync(2027))!.Months);
        Assert.Null(await app.Fund.As(Roles.Finance, sp => sp.GetRequiredService<FundReports>().YearAsync(app.Fund.AccountId + 1000, 2026)));
    }

    [Fact]
    public async Task Clerk_MayNotReadTheReport()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => ReportAsync(2026, Roles.Clerk));
    }

    [Fact]
    public async Task Export_ThreeSheets_MonthsWithTotalsUsageItemsAndPlaces_AmountsAsNumbers()
    {
        byte[] bytes = [];
        await RegistryTesting.InCultureAsync("en", async () =>
            bytes = (await app.Fund.As(Roles.Finance, sp => sp.GetRequiredService<FundReportExport>().ExportAsync(app.Fund.AccountId, 2026)))!.Value.Bytes);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Balance by month", "By usage item", "By building and common part"], MiniExcel.GetSheetNames(stream));
        var months = Rows(stream, "Balance by month");
        Assert.Equal(["Month", "Opening balance", "Owners' contributions", "Interest", "Other receipts", "Spending", "Closing balance"], months[1]);
        Assert.Equal(["2026-03", "120000", "0", "150.5", "0", "11000", "109150.5"], months[4]);
        Assert.Equal(["2026-06", "109650.5", "0", "0", "-500", "-3000", "112150.5"], months[7]);
        Assert.Equal(["Total", "100000", "20000", "150.5", "0", "8000", "112150.5"], months[8]);
        var usage = Rows(stream, "By usage item");
        Assert.Equal(["Daily repairs", "8000", "2"], usage[2]);
        Assert.Equal(["Adjustments / bank charges", "0", "0"], usage[^2]);
        Assert.Equal(["Total", "8000", "2"], usage[^1]);
        Assert.Equal(2 + Enum.GetValues<FundUsageItem>().Length + 2, usage.Count);
        var places = Rows(stream, "By building and common part");
        Assert.Equal(["Building / common part", "Spent (CNY)", "Paid lines"], places[1]);
        Assert.Equal([app.Building.Name, "0", "1"], places[2]);
        Assert.Equal([$"{app.Building.Name} · 屋面", "8000", "1"], places[3]);
        Assert.Equal(["Total", "8000", "2"], places[4]);
    }

    [Fact]
    public async Task Totals_WithABankChargeAdjustmentAndReversals_TheMonthsTheUsageItemsAndThePlacesAgree()
    {
        // Another account on the same app: a repair paid in March and reversed, another paid, and a bank charge the
        // reconciliation recorded as an explained adjustment (no usage item, no place).
        var other = await new FundScenario(app.Factory).OpenAsync(number: FundScenario.UniqueNumber());
        var reversed = await other.PaidExpenditureAsync("3000.00");
        Assert.True((await other.As(Roles.Finance, sp => sp.GetRequiredService<FundService>().ReverseAsync(reversed, "重复付款"))).Ok);
        await other.PaidExpenditureAsync("12345.67", e => e.BuildingId = app.Building.Id);
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            db.FundEntries.Add(new FundEntry
            {
                FundAccountId = other.AccountId, Kind = FundEntryKind.Expenditure, Date = new DateOnly(2026, 4, 30), Amount = 15.00m,
                Counterparty = "中国建设银行", Purpose = "账户管理费", Status = FundEntryStatus.Posted, IsAdjustment = true, Reason = "银行手续费",
                RecordedBy = "张丽", RecordedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var report = (await other.As(Roles.Finance, sp => sp.GetRequiredService<FundReports>().YearAsync(other.AccountId, 2026)))!;

        Assert.Equal(12_360.67m, report.Spending);
        Assert.Equal((15.00m, 1), (report.Adjustments.Spending, report.Adjustments.Lines));
        Assert.Equal(report.Spending, report.SpendingByUsageTotal);
        Assert.Equal(report.Spending, report.SpendingByPlaceTotal);
    }

    [Fact]
    public async Task Chart_MoneyInAndOut_NeverNegative_AReversalNetsInItsMonth_AndTheExportsFirstColumnIsWide()
    {
        var report = (await ReportAsync(2026))!;

        // June: the 3,000.00 repair taken back (money in) and the 500.00 receipt taken back (money out).
        var june = report.Months[^1];
        Assert.Equal((3_000m, 500m), (june.MoneyIn, june.MoneyOut));
        Assert.All(report.Months, m => Assert.True(m.MoneyIn >= 0 && m.MoneyOut >= 0));
        Assert.All(report.Months, m => Assert.Equal(m.Receipts - m.Spending, m.MoneyIn - m.MoneyOut));
        var march = report.Months[2];
        Assert.Equal((150.50m, 11_000m), (march.MoneyIn, march.MoneyOut));

        var bytes = (await app.Fund.As(Roles.Finance, sp => sp.GetRequiredService<FundReportExport>().ExportAsync(app.Fund.AccountId, 2026)))!.Value.Bytes;
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            var xml = System.Xml.Linq.XDocument.Load(sheet.Open());
            var first = xml.Descendants().Single(e => e.Name.LocalName == "col" && (string?)e.Attribute("min") == "1");
            // (MiniExcel adds the cell padding, under one character.)
            Assert.InRange(double.Parse((string)first.Attribute("width")!, CultureInfo.InvariantCulture), FundReportExport.NameWidth, FundReportExport.NameWidth + 1);
        }
    }

    [Fact]
    public async Task EstateTime_FundPagesShowTheEstatesClock_NotUtc()
    {
        var time = app.Factory.Services.GetRequiredService<PropertyHub.Features.Settings.EstateTime>();
        var estateId = (await app.Fund.AccountAsync())!.EstateId;
        var at = new DateTimeOffset(2026, 12, 5, 22, 19, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-06 06:19", FundFormat.Time(time, estateId, at));
        Assert.Equal("2026-12-06", FundFormat.Day(time, estateId, at));
    }

    [Fact]
    public async Task ByPlace_TheBuildingAloneNetsOutItsReversal_TheRoofKeepsItsSpending()
    {
        var report = (await ReportAsync(2026))!;

        Assert.Equal([(app.Building.Id, app.Building.Name, (string?)null, 0m, 1), (app.Building.Id, app.Building.Name, "屋面", 8_000m, 1)],
            report.ByPlace.Select(p => (p.BuildingId!.Value, p.Building!, p.CommonPart, p.Spending, p.Lines)));
        Assert.Equal(report.ByUsage.Sum(u => u.Spending), report.ByPlace.Sum(p => p.Spending));
    }

    [Fact]
    public async Task Request_ABuildingNotInTheEstate_OrACommonPartTooLong_RefusedWithNothingWritten()
    {
        int before;
        await using (var db = await app.Factory.CreateDbContextAsync())
            before = await db.FundEntries.CountAsync();

        var elsewhere = await app.Fund.RequestAsync("100.00", more: e => e.BuildingId = app.Building.Id + 100_000);
        var tooLong = await app.Fund.RequestAsync("100.00", more: e => e.CommonPart = new string('梯', FundRules.CommonPartLength + 1));

        Assert.Equal("BuildingNotInEstate", elsewhere.Errors["BuildingId"]);
        Assert.Equal("CommonPartTooLong", tooLong.Errors["CommonPart"]);
        await using (var db = await app.Factory.CreateDbContextAsync())
            Assert.Equal(before, await db.FundEntries.CountAsync());
    }

    private static List<string[]> Rows(Stream stream, string sheet) =>
        stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
}

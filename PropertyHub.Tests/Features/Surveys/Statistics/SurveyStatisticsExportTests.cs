using System.Net;
using MiniExcelLibs;
using PropertyHub.Features.Accounts;
using static PropertyHub.Tests.Features.Surveys.Statistics.SurveyStatsApp;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The workbook export of the known answers (see <see cref="SurveyStatsApp"/>), read back with MiniExcel.</summary>
[Collection(SurveyStatsCollection.Name)]
public sealed class SurveyStatisticsExportTests(SurveyStatsApp app)
{
    private async Task<MemoryStream> DownloadAsync(string language, string quarter = "2026-Q4")
    {
        var client = await app.Factory.ClientForRoleAsync(Roles.Supervisor);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync($"/surveys/statistics/export?estate={app.EstateId}&quarter={quarter}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<IDictionary<string, object?>> Sheet(Stream stream, string name)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    private static double Number(object? value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Export_Quarter_HasTheFourSheets()
    {
        using var stream = await DownloadAsync("en");

        Assert.Equal(["Items", "Buildings", "Trend", "Dissatisfied"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public async Task Export_Items_AnswersAveragesAndSharesInEnglishHeaders()
    {
        using var stream = await DownloadAsync("en");

        var items = Sheet(stream, "Items");
        Assert.Equal(7, items.Count); // six items and the total
        var reception = items.Single(r => (string?)r["Item"] == "Reception");
        Assert.Equal(3, Number(reception["Answers"]));
        Assert.Equal(1, Number(reception["Online"]));
        Assert.Equal(2, Number(reception["Paper"]));
        Assert.Equal(4.0, Number(reception["Average score"]));
        Assert.Equal(66.7, Number(reception["Satisfied (%)"]));
        var total = items.Single(r => (string?)r["Item"] == "All items");
        Assert.Equal(18, Number(total["Answers"]));
        Assert.Equal(3.67, Number(total["Average score"]));
        Assert.Equal(55.6, Number(total["Satisfied (%)"]));
        Assert.Equal(2, Number(total["Scored 1–2"]));
    }

    [Fact]
    public async Task Export_Buildings_ResponseRatePerBuilding()
    {
        using var stream = await DownloadAsync("en");

        var buildings = Sheet(stream, "Buildings");
        var one = buildings.Single(r => (string?)r["Building"] == "1号楼");
        Assert.Equal(app.OccupiedBuilding1, Number(one["Issued"]));
        Assert.Equal(2, Number(one["Answered"]));
        Assert.Equal(Math.Round(200.0 / app.OccupiedBuilding1, 1), Number(one["Response rate (%)"]));
        Assert.Equal(83.3, Number(one["Satisfied (%)"]));
        var estate = buildings.Single(r => (string?)r["Building"] == "Whole estate");
        Assert.Equal(3, Number(estate["Answered"]));
    }

    [Fact]
    public async Task Export_Trend_EightQuartersWithAColumnPerItem()
    {
        using var stream = await DownloadAsync("en");

        var trend = Sheet(stream, "Trend");
        Assert.Equal(Q4.Trailing(8).Select(q => q.ToString()), trend.Select(r => (string?)r["Quarter"]));
        var q3 = trend.Single(r => (string?)r["Quarter"] == "2026-Q3");
        Assert.Equal(1, Number(q3["Answered"]));
        Assert.Equal(100, Number(q3["Satisfied (%)"]));
        var q4 = trend.Single(r => (string?)r["Quarter"] == "2026-Q4");
        Assert.Equal(33.3, Number(q4["Fee transparency satisfied (%)"]));
        Assert.Equal(0, Number(trend[0]["Response rate (%)"]));
    }

    [Fact]
    public async Task Export_Dissatisfied_OneRowPerLowScoreWithItsRectification()
    {
        using var stream = await DownloadAsync("en");

        var rows = Sheet(stream, "Dissatisfied");
        Assert.Equal(2, rows.Count);
        var a = rows.Single(r => (string?)r["Unit"] == app.UnitA);
        Assert.Equal(("2026-Q4", "Repairs", 2.0, "电梯坏了三天"), ((string?)a["Quarter"], (string?)a["Item"], Number(a["Score"]), (string?)a["Comment"]));
        Assert.Equal("2026-11-16 10:00", a["Answered at"]);
        Assert.Equal("online", a["Channel"]);
        Assert.Equal("Open", a["Rectification"]);
        var b = rows.Single(r => (string?)r["Unit"] == app.UnitB);
        Assert.Equal("Done, awaiting sign-off", b["Rectification"]);
    }

    [Fact]
    public async Task Export_TraditionalChinese_HeadersAndNamesInTheUsersLanguage()
    {
        using var stream = await DownloadAsync("zh-Hant");

        var items = Sheet(stream, "Items");
        Assert.Contains(items, r => (string?)r["評議項目"] == "收費透明");
        Assert.Contains("回收率（%）", Sheet(stream, "Buildings")[0].Keys);
    }

    [Fact]
    public async Task Export_Clerk_IsRefused()
    {
        var client = await app.Factory.ClientForRoleAsync(Roles.Clerk);

        var response = await client.GetAsync($"/surveys/statistics/export?estate={app.EstateId}&quarter=2026-Q4");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_BadQuarter_IsABadRequest()
    {
        var client = await app.Factory.ClientForRoleAsync(Roles.Manager);

        var response = await client.GetAsync($"/surveys/statistics/export?estate={app.EstateId}&quarter=Q9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

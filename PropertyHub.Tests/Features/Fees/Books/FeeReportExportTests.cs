using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Fees.Books;

/// <summary>The fee report workbook and the books page, on the known books (see <see cref="BooksScenario"/>).</summary>
[Collection(BooksCollection.Name)]
public sealed partial class FeeReportExportTests(BooksApp app)
{
    private async Task<HttpResponseMessage> GetAsync(string role, string path)
    {
        var client = await app.Factory.ClientForRoleAsync(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location!);
        return response;
    }

    private async Task<MemoryStream> DownloadAsync(string month)
    {
        var response = await GetAsync(Roles.Finance, $"/fees/books/export?estate={app.Known.EstateId}&month={month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<IDictionary<string, object?>> Sheet(Stream stream, string name)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    private static decimal Money(object? value) => Math.Round(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), 2);

    [Fact]
    public async Task Export_October_FourSheetsWithTheBooksFigures()
    {
        using var stream = await DownloadAsync("2026-10");

        Assert.Equal(["Summary", "Buildings", "Units", "Aging"], MiniExcel.GetSheetNames(stream));
        var summary = Assert.Single(Sheet(stream, "Summary"));
        Assert.Equal("2026-10", summary["Month"]);
        Assert.Equal((300m, 250m, 450m, 50m), (Money(summary["Receivable"]), Money(summary["Collected"]), Money(summary["Received in month"]), Money(summary["Arrears"])));
        Assert.Equal(83.3, Convert.ToDouble(summary["Collection rate %"], System.Globalization.CultureInfo.InvariantCulture));
        var unit = Assert.Single(Sheet(stream, "Units"));
        Assert.Equal((app.Known.Unit, 250m), (unit["Unit"], Money(unit["Collected"])));
        var buildings = Sheet(stream, "Buildings");
        Assert.Equal(4, buildings.Count); // three buildings and the whole estate
        Assert.Equal(300m, Money(buildings.Single(b => (string?)b["Building"] == "Whole estate")["Receivable"]));
        var aging = Sheet(stream, "Aging");
        Assert.Equal(280.50m, Money(aging.Single(r => (string?)r["Days past due"] == "31–60 days past due")["Outstanding"]));
        Assert.Equal(330.50m, Money(aging.Single(r => (string?)r["Days past due"] == "Total")["Outstanding"]));
    }

    [Fact]
    public async Task Export_Clerk_Refused()
    {
        var response = await GetAsync(Roles.Clerk, $"/fees/books/export?estate={app.Known.EstateId}&month=2026-10");

        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_BadMonth_BadRequest()
    {
        var response = await GetAsync(Roles.Manager, $"/fees/books/export?estate={app.Known.EstateId}&month=2026-13");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_November_ShowsTheEstateFiguresAndAging()
    {
        var response = await GetAsync(Roles.Manager, $"/fees/books?estate={app.Known.EstateId}&month=2026-11");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("280.50", Number(html, "total-receivable"));
        Assert.Equal("100.00", Number(html, "total-received"));
        Assert.Equal("330.50", Number(html, "total-arrears"));
        Assert.Equal("330.50", Number(html, "aging-total"));
        Assert.Contains("data-testid=\"books-export\"", html);
    }

    [Fact]
    public async Task Page_Clerk_SeesAccessDenied()
    {
        var response = await GetAsync(Roles.Clerk, "/fees/books");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"total-receivable\"", html);
    }

    private static string Number(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No {testId} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }
}

using System.Net;
using System.Text.RegularExpressions;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>Who may open the statistics page, and the numbers its first render shows for the chosen quarter.</summary>
[Collection(SurveyStatsCollection.Name)]
public sealed partial class SurveyStatisticsPageTests(SurveyStatsApp app)
{
    private async Task<string> GetAsync(string role, string path)
    {
        var client = await app.Factory.ClientForRoleAsync(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Number(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No {testId} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private static string Percent(int part, int whole) => (Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task Page_Clerk_SeesAccessDenied()
    {
        var html = await GetAsync(Roles.Clerk, "/surveys/statistics");

        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"response-rate\"", html);
    }

    [Fact]
    public async Task Page_Supervisor_ShowsTheCurrentQuarterByDefault()
    {
        var html = await GetAsync(Roles.Supervisor, "/surveys/statistics");

        Assert.Equal(app.Occupied.ToString(System.Globalization.CultureInfo.InvariantCulture), Number(html, "issued"));
        Assert.Equal("3", Number(html, "answered"));
        Assert.Equal(Percent(3, app.Occupied), Number(html, "response-rate"));
        Assert.Equal("1 / 2", Number(html, "online-paper"));
        Assert.Equal("3.67", Number(html, "average-score"));
        Assert.Equal("55.6%", Number(html, "share-satisfied"));
        Assert.Contains("data-testid=\"stats-trend\"", html);
        Assert.Contains($">{app.UnitA}<", html);
        Assert.Contains($"href=\"/surveys/statistics/export?estate={app.EstateId}&amp;quarter=2026-Q4\"", html);
    }

    [Fact]
    public async Task Page_Manager_ChosenQuarterShowsThatQuartersNumbers()
    {
        var html = await GetAsync(Roles.Manager, $"/surveys/statistics?estate={app.EstateId}&quarter=2026-Q3");

        Assert.Equal("1", Number(html, "answered"));
        Assert.Equal(Percent(1, app.Occupied), Number(html, "response-rate"));
        Assert.Equal("5.00", Number(html, "average-score"));
        Assert.Equal("100.0%", Number(html, "share-satisfied"));
        Assert.Contains("data-testid=\"stats-no-dissatisfied\"", html);
        Assert.DoesNotContain($">{app.UnitA}<", html);
    }

    [Fact]
    public async Task Page_EmptyQuarter_ShowsZeros()
    {
        var html = await GetAsync(Roles.Admin, "/surveys/statistics?quarter=2026-Q1");

        Assert.Equal("0", Number(html, "issued"));
        Assert.Equal("0.0%", Number(html, "response-rate"));
        Assert.Equal("0.00", Number(html, "average-score"));
    }
}

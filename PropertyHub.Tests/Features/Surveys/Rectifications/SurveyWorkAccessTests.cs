using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Surveys.Rectifications;

/// <summary>Who may open the rectifications and follow-ups pages.</summary>
public sealed class SurveyWorkAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string role, string path)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            Assert.DoesNotContain("/account/login", response.Headers.Location!.OriginalString);
            response = await client.GetAsync(response.Headers.Location);
        }
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Clerk, "/surveys/rectifications", "data-testid=\"open-count\"")]
    [InlineData(Roles.Engineer, "/surveys/rectifications", "data-testid=\"open-count\"")]
    [InlineData(Roles.Engineer, "/surveys/follow-ups", "data-testid=\"follow-up-open-count\"")]
    [InlineData(Roles.Finance, "/surveys/follow-ups", "data-testid=\"follow-up-open-count\"")]
    public async Task Page_RoleWithoutTheWork_SeesAccessDenied(string role, string path, string marker)
    {
        var (status, html) = await GetAsync(role, path);

        Assert.True(status == HttpStatusCode.Forbidden || html.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal),
            $"{role} got {(int)status}");
        Assert.DoesNotContain(marker, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Supervisor, "/surveys/rectifications", "data-testid=\"open-count\"")]
    [InlineData(Roles.Manager, "/surveys/rectifications", "data-testid=\"open-count\"")]
    [InlineData(Roles.Clerk, "/surveys/follow-ups", "data-testid=\"follow-up-open-count\"")]
    public async Task Page_RoleWithTheWork_GetsThePage(string role, string path, string marker)
    {
        var (status, html) = await GetAsync(role, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("data-testid=\"access-denied\"", html, StringComparison.Ordinal);
        Assert.Contains(marker, html, StringComparison.Ordinal);
    }
}

using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>Who may open the ledger and measures pages, and what the first render shows them.</summary>
public sealed class LedgerPagesTests(LedgerAppFactory factory) : IClassFixture<LedgerAppFactory>
{
    private static async Task<string> GetFollowingRedirectsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task LedgerPage_Clerk_ReadsTheDayButHasNoReviewForms()
    {
        var html = await GetFollowingRedirectsAsync(await factory.ClientForRoleAsync(Roles.Clerk), "/reception/ledger?from=2030-10-16");

        Assert.Contains("data-testid=\"ledger-table\"", html);
        Assert.Contains("data-testid=\"ledger-reviews\"", html);
        Assert.DoesNotContain("data-testid=\"review-form-daily\"", html);
        Assert.DoesNotContain("data-testid=\"review-form-weekly\"", html);
    }

    [Fact]
    public async Task LedgerPage_Manager_HasBothReviewForms()
    {
        var html = await GetFollowingRedirectsAsync(await factory.ClientForRoleAsync(Roles.Manager), "/reception/ledger");

        Assert.Contains("data-testid=\"review-form-daily\"", html);
        Assert.Contains("data-testid=\"review-form-weekly\"", html);
    }

    [Fact]
    public async Task MeasuresPage_Clerk_SeesAccessDenied()
    {
        var html = await GetFollowingRedirectsAsync(await factory.ClientForRoleAsync(Roles.Clerk), "/reception/measures");

        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"measure-inquiries-on-time\"", html);
    }

    [Fact]
    public async Task MeasuresPage_Supervisor_ShowsTheMeasuresOfTheDemoEstate()
    {
        var html = await GetFollowingRedirectsAsync(await factory.ClientForRoleAsync(Roles.Supervisor), "/reception/measures");

        Assert.Contains("data-testid=\"measure-inquiries-on-time\"", html);
        Assert.Contains("data-testid=\"measures-trend\"", html);
    }
}

using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>Who may open the duties page, over HTTP through the real sign-in.</summary>
public sealed class DutiesPageAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<string> GetFollowingRedirectsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Finance)]
    public async Task DutiesPage_RoleWithoutDuties_SeesAccessDeniedAndNoNavLink(string role)
    {
        var html = await GetFollowingRedirectsAsync(await factory.ClientForRoleAsync(role), "/duties");

        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"duties-page\"", html);
        Assert.DoesNotContain("data-testid=\"duty-run-now\"", html);
        Assert.DoesNotContain("data-testid=\"nav-duties\"", html);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task DutiesPage_SupervisorManagerAdmin_SeeTheDutiesAndTheSweep(string role)
    {
        var html = await GetFollowingRedirectsAsync(await factory.ClientForRoleAsync(role), "/duties");

        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        Assert.Contains("data-testid=\"duties-page\"", html);
        Assert.Contains("data-testid=\"duty-sqlite-backup\"", html);
        Assert.Contains("data-testid=\"duty-run-now\"", html);
        Assert.Contains("data-testid=\"job-reception-escalation\"", html);
        Assert.Contains("data-testid=\"nav-duties\"", html);
    }
}

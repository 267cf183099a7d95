using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>Who may open the administration pages and the scheduled-jobs dashboard.</summary>
public sealed class RoleAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/calendar")]
    public async Task AdminPage_Clerk_SeesAccessDenied(string path)
    {
        var client = await factory.ClientForRoleAsync(Roles.Clerk);
        var html = await GetFollowingRedirectsAsync(client, path);
        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"users-table\"", html);
        Assert.DoesNotContain("data-testid=\"calendar-form\"", html);
    }

    [Fact]
    public async Task UsersPage_Admin_ListsTheUsers()
    {
        var client = await factory.ClientForRoleAsync(Roles.Admin);
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        // The rows come a page at a time once the page is live (UsersBrowserTests); the page itself is the table.
        Assert.Contains("data-testid=\"users-table\"", html);
    }

    [Fact]
    public async Task CalendarPage_Admin_ShowsTheForm()
    {
        var client = await factory.ClientForRoleAsync(Roles.Admin);
        var response = await client.GetAsync("/admin/calendar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        Assert.Contains("data-testid=\"calendar-form\"", html);
        Assert.Contains("Asia/Shanghai", html);
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Finance)]
    public async Task JobsDashboard_RoleWithoutDuties_IsForbidden(string role)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync("/jobs");
        var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied"));
        Assert.True(denied, $"{role} got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task JobsDashboard_RoleWithDuties_Opens(string role)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> GetFollowingRedirectsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            var location = response.Headers.Location!;
            Assert.DoesNotContain("/account/login", location.OriginalString);
            response = await client.GetAsync(location);
        }
        return await response.Content.ReadAsStringAsync();
    }
}

using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>Who may open the notices list.</summary>
public sealed class NoticesAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task NoticesPage_Clerk_SeesAccessDenied()
    {
        var client = await factory.ClientForRoleAsync(Roles.Clerk);
        var response = await client.GetAsync("/notices");
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            Assert.DoesNotContain("/account/login", response.Headers.Location!.OriginalString);
            response = await client.GetAsync(response.Headers.Location);
        }
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || html.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal),
            $"Clerk got {(int)response.StatusCode}");
        Assert.DoesNotContain("data-testid=\"notices-status\"", html);
    }

    [Fact]
    public async Task NoticesPage_Supervisor_GetsThePage()
    {
        var client = await factory.ClientForRoleAsync(Roles.Supervisor);
        var response = await client.GetAsync("/notices");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        Assert.Contains("data-testid=\"notices-status\"", html);
    }
}

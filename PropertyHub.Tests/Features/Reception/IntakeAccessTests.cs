using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>Who may open the intake page, and who may change the information archive.</summary>
public sealed class IntakeAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task IntakePage_DeskRoles_ShowTheFormAndTheNavLink(string role)
    {
        var html = await GetAsync(role, "/reception/intake");
        Assert.Contains("data-testid=\"intake-form\"", html);
        Assert.Contains("data-testid=\"nav-intake\"", html);
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
    }

    [Theory]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Finance)]
    public async Task IntakePage_OtherRoles_SeeAccessDeniedAndNoNavLink(string role)
    {
        var html = await GetAsync(role, "/reception/intake");
        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"intake-form\"", html);
        Assert.DoesNotContain("data-testid=\"nav-intake\"", html);
    }

    [Fact]
    public async Task ArchivePage_Clerk_ReadsButCannotChange()
    {
        var html = await GetAsync(Roles.Clerk, "/reception/archive");
        Assert.Contains("data-testid=\"archive-read-only\"", html);
        Assert.Contains("95598", html);
        Assert.DoesNotContain("data-testid=\"archive-new\"", html);
        Assert.DoesNotContain("data-testid=\"archive-edit\"", html);
    }

    [Fact]
    public async Task ArchivePage_Supervisor_CanAddAndEdit()
    {
        var html = await GetAsync(Roles.Supervisor, "/reception/archive");
        Assert.Contains("data-testid=\"archive-new\"", html);
        Assert.Contains("data-testid=\"archive-edit\"", html);
        Assert.DoesNotContain("data-testid=\"archive-read-only\"", html);
    }

    private async Task<string> GetAsync(string role, string path)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            Assert.DoesNotContain("/account/login", response.Headers.Location!.OriginalString);
            response = await client.GetAsync(response.Headers.Location);
        }
        return await response.Content.ReadAsStringAsync();
    }
}

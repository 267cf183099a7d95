using System.Net;
using System.Text.Json;

namespace PropertyHub.Tests.Features.Operations;

public sealed class OperationsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory factory;

    public OperationsTests(AppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Health_Anonymous_LiveAndReadyReportStatusesOnly()
    {
        var client = factory.NewClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.True(report.RootElement.GetProperty("checks").TryGetProperty("hangfire", out _));
        Assert.DoesNotContain("Data Source", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_Always_CarrySecurityHeaders()
    {
        var response = await factory.NewClient().GetAsync("/account/login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndSameSite()
    {
        var client = factory.NewClient();
        var response = await client.PostLoginAsync(SignIn.DemoEmail(PropertyHub.Features.Accounts.Roles.Clerk), PropertyHub.Features.Accounts.DemoUsers.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PropertyHub.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

public sealed class SignInTests : IClassFixture<AppFactory>
{
    private readonly AppFactory factory;

    public SignInTests(AppFactory factory) => this.factory = factory;

    [Fact]
    public async Task SignIn_DemoClerk_RedirectsHomeAndHomeOpens()
    {
        var client = factory.NewClient();
        var response = await client.PostLoginAsync(SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndSetsNoCookie()
    {
        var client = factory.NewClient();
        var response = await client.PostLoginAsync(SignIn.DemoEmail(Roles.Finance), "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("login-error", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var client = factory.NewClient();
        var email = SignIn.DemoEmail(Roles.Engineer);
        for (var i = 0; i < 5; i++)
            await client.PostLoginAsync(email, "wrong-password");
        var response = await client.PostLoginAsync(email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await response.Content.ReadAsStringAsync());
    }
}

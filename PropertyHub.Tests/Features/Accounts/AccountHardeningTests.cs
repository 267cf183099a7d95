using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>Sign-out without its token, sign-in messages that tell nothing about the account, cookies outside tests.</summary>
public sealed partial class AccountHardeningTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsABadRequestAndSignsNobodyOut()
    {
        var client = await factory.ClientForRoleAsync(Roles.Clerk);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownEmailWrongPasswordAndLockedAccount_AllGetTheSameMessage()
    {
        var client = factory.NewClient();
        var locked = SignIn.DemoEmail(Roles.Engineer);
        for (var i = 0; i < 5; i++)
            await client.PostLoginAsync(locked, "wrong-password");

        var unknown = await ErrorOfAsync(await client.PostLoginAsync("nobody@demo.local", "wrong-password"));
        var wrong = await ErrorOfAsync(await client.PostLoginAsync(SignIn.DemoEmail(Roles.Finance), "wrong-password"));
        var lockedOut = await ErrorOfAsync(await client.PostLoginAsync(locked, DemoUsers.Password));

        Assert.False(string.IsNullOrWhiteSpace(unknown));
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedOut);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Production_AntiforgeryAndSignInCookies_AreSecure()
    {
        // The demo users come from a start outside Production (which never seeds them), on the same database.
        _ = factory.Services;
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });

        var login = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var signedIn = await client.PostLoginAsync(SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PropertyHub.Auth=", StringComparison.Ordinal));
        Assert.True(IsSecure(antiforgery), antiforgery);
        Assert.True(IsSecure(auth), auth);
    }

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(LoginError().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>A user the app signed out (disabled, roles changed, session ended) is told why on the sign-in page, once.</summary>
public sealed class SignedOutReasonTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Password = "Staff#2026pass";

    public enum Change { Disabled, RolesChanged, SessionEnded }

    [Theory]
    [InlineData(Change.Disabled, "an administrator disabled your account")]
    [InlineData(Change.RolesChanged, "an administrator changed your roles")]
    [InlineData(Change.SessionEnded, "Your session was ended by an administrator")]
    public async Task NextPage_AfterTheChange_SignInPageSaysWhyOnce(Change change, string words)
    {
        var (client, id) = await SignedInAsync();
        await ChangeAsync(id, change);

        var refused = await client.GetAsync("/reception/intake");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var login = await client.GetStringAsync(refused.Headers.Location!.OriginalString);

        Assert.Contains($"data-reason=\"{change}\"", login);
        Assert.Contains(words, login);
        // Read once: the sign-in page opened again is the plain one.
        Assert.DoesNotContain("login-signed-out", await client.GetStringAsync("/account/login"));
    }

    [Fact]
    public async Task SignInPage_OpenedWithTheRefusedCookieItself_SaysWhy()
    {
        var (client, id) = await SignedInAsync();
        await ChangeAsync(id, Change.Disabled);

        // An open page sends its user straight to the sign-in page: the refused cookie comes with that request.
        var login = await client.GetStringAsync("/account/login?returnUrl=%2F");

        Assert.Contains("data-reason=\"Disabled\"", login);
    }

    [Fact]
    public async Task SignInPage_NeverSignedOutByTheApp_SaysNothing()
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        Assert.DoesNotContain("login-signed-out", await client.GetStringAsync("/account/login"));
    }

    private async Task<(HttpClient Client, string Id)> SignedInAsync()
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        string? id = null;
        await factory.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<UserAdministration>().CreateAsync(new NewStaffUser(email, "测试用户", "测", Password, [Roles.Clerk]));
            Assert.True(result.Succeeded);
            id = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        });
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/reception/intake")).StatusCode);
        return (client, id!);
    }

    private Task ChangeAsync(string id, Change change) => factory.AsAsync(Roles.Admin, async sp =>
    {
        var users = sp.GetRequiredService<UserAdministration>();
        switch (change)
        {
            case Change.Disabled:
                Assert.True((await users.SetDisabledAsync(id, true)).Succeeded);
                break;
            case Change.RolesChanged:
                Assert.True((await users.SetRolesAsync(id, [Roles.Engineer])).Succeeded);
                break;
            default:
                var manager = sp.GetRequiredService<UserManager<AppUser>>();
                Assert.True((await manager.UpdateSecurityStampAsync((await manager.FindByIdAsync(id))!)).Succeeded);
                break;
        }
    });
}

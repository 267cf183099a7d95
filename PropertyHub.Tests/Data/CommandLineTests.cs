using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Data;

public sealed class CommandLineTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task CreateAdmin_StrongPassword_CreatesAdminWhoCanSignIn()
    {
        var code = await CommandLine.RunCommandAsync(factory.Services, ["--create-admin", "boss@example.com"], _ => "Boss#2026pass");

        Assert.Equal(0, code);
        var user = await FindAsync("boss@example.com");
        Assert.NotNull(user);
        Assert.Equal([Roles.Admin], await RolesAsync(user));
        var client = factory.NewClient();
        var response = await client.PostLoginAsync("boss@example.com", "Boss#2026pass");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_WeakPassword_ExitsWithOneAndCreatesNoUser()
    {
        var code = await CommandLine.RunCommandAsync(factory.Services, ["--create-admin", "weak.boss@example.com"], _ => "weak");

        Assert.Equal(1, code);
        Assert.Null(await FindAsync("weak.boss@example.com"));
    }

    [Fact]
    public async Task CreateAdmin_NoEmail_ExitsWithUsageCode()
    {
        var asked = false;
        var code = await CommandLine.RunCommandAsync(factory.Services, ["--create-admin"], _ => { asked = true; return "x"; });
        Assert.Equal(2, code);
        Assert.False(asked);
    }

    [Fact]
    public async Task RunCommand_NoCommand_ReturnsNullToServe()
    {
        Assert.Null(await CommandLine.RunCommandAsync(factory.Services, ["--urls", "http://127.0.0.1:0"], _ => "x"));
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        AppUser? user = null;
        await factory.WithScopeAsync(async sp => user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
        return user;
    }

    private async Task<IList<string>> RolesAsync(AppUser user)
    {
        IList<string>? roles = null;
        await factory.WithScopeAsync(async sp => roles = await sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user));
        return roles!;
    }
}

using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

public sealed class UserAdministrationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string GoodPassword = "Staff#2026pass";

    [Fact]
    public async Task Create_WeakPassword_ReturnsLocalizedErrorsAndCreatesNoUser()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            IdentityResult? result = null;
            await factory.AsAsync(Roles.Admin, async sp =>
                result = await sp.GetRequiredService<UserAdministration>().CreateAsync(
                    new NewStaffUser("weak@example.com", "弱密码", "弱", "short", [Roles.Clerk])));
            Assert.False(result!.Succeeded);
            var messages = result.Errors.Select(e => e.Description).ToList();
            Assert.Contains("密码至少需要 10 个字符。", messages);
            Assert.Contains(messages, m => m.Contains("大写字母"));
            Assert.Contains(messages, m => m.Contains("数字"));
            Assert.Null(await FindAsync("weak@example.com"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Create_ValidInput_StoresUserWithRoles()
    {
        var result = await CreateAsync("new.clerk@example.com", Roles.Clerk, Roles.Finance);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var listed = await ListAsync();
        var user = Assert.Single(listed, u => u.Email == "new.clerk@example.com");
        Assert.Equal(["Clerk", "Finance"], user.Roles.Order());
        Assert.False(user.IsDisabled);
    }

    [Fact]
    public async Task Disable_SignedInUser_CookieStopsWorkingOnNextRequest()
    {
        await CreateAsync("to.disable@example.com", Roles.Clerk);
        var client = factory.NewClient();
        var signIn = await client.PostLoginAsync("to.disable@example.com", GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var id = (await FindAsync("to.disable@example.com"))!.Id;
        IdentityResult? result = null;
        await factory.AsAsync(Roles.Admin, async sp => result = await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(id, true));
        Assert.True(result!.Succeeded);

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
        var again = await factory.NewClient().PostLoginAsync("to.disable@example.com", GoodPassword);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disable_OpenCircuitOfThatUser_BecomesAnonymous()
    {
        await CreateAsync("circuit.user@example.com", Roles.Clerk);
        var id = (await FindAsync("circuit.user@example.com"))!.Id;
        await using var circuit = factory.Services.CreateAsyncScope();
        var provider = (RevalidatingAuthStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(StateFor(id)));

        await factory.AsAsync(Roles.Admin, sp => sp.GetRequiredService<UserAdministration>().SetDisabledAsync(id, true));

        var state = await provider.GetAuthenticationStateAsync();
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Revoke_ProviderHoldingThatUser_SwitchesToAnonymousAndOthersStay()
    {
        await using var scopeX = factory.Services.CreateAsyncScope();
        await using var scopeY = factory.Services.CreateAsyncScope();
        var providerX = (RevalidatingAuthStateProvider)scopeX.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var providerY = (RevalidatingAuthStateProvider)scopeY.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        providerX.SetAuthenticationState(Task.FromResult(StateFor("user-x")));
        providerY.SetAuthenticationState(Task.FromResult(StateFor("user-y")));
        var changed = 0;
        providerX.AuthenticationStateChanged += _ => changed++;

        factory.Services.GetRequiredService<SessionRevocations>().Revoke("user-x");

        Assert.False((await providerX.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.Equal(1, changed);
        var y = (await providerY.GetAuthenticationStateAsync()).User;
        Assert.True(y.Identity?.IsAuthenticated);
        Assert.Equal("user-y", y.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task Disable_Self_IsRefusedAndUserStaysEnabled()
    {
        await CreateAsync("self.admin@example.com", Roles.Clerk);
        var id = (await FindAsync("self.admin@example.com"))!.Id;
        IdentityResult? result = null;
        await factory.AsAsync(Roles.Admin, async sp => result = await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(id, true, actingUserId: id));
        Assert.Equal("DisableSelf", Assert.Single(result!.Errors).Code);
        Assert.False((await FindAsync("self.admin@example.com"))!.IsDisabled);
    }

    [Fact]
    public async Task SetRoles_LastAdminLosesAdmin_IsRefusedAndRolesUnchanged()
    {
        // The demo data has exactly one administrator, and this class creates no other.
        var admin = (await FindAsync(SignIn.DemoEmail(Roles.Admin)))!;
        IdentityResult? result = null;
        await factory.AsAsync(Roles.Admin, async sp => result = await sp.GetRequiredService<UserAdministration>().SetRolesAsync(admin.Id, [Roles.Clerk]));
        Assert.False(result!.Succeeded);
        Assert.Equal("LastAdmin", Assert.Single(result.Errors).Code);
        var roles = Assert.Single(await ListAsync(), u => u.Id == admin.Id).Roles;
        Assert.Equal([Roles.Admin], roles);
    }

    [Fact]
    public async Task SetRoles_ChangedRoles_AreStored()
    {
        await CreateAsync("role.change@example.com", Roles.Clerk);
        var id = (await FindAsync("role.change@example.com"))!.Id;
        await factory.AsAsync(Roles.Admin, sp => sp.GetRequiredService<UserAdministration>().SetRolesAsync(id, [Roles.Supervisor, Roles.Engineer]));
        var roles = Assert.Single(await ListAsync(), u => u.Id == id).Roles;
        Assert.Equal([Roles.Engineer, Roles.Supervisor], roles.Order());
    }

    private static AuthenticationState StateFor(string userId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId)], "Test")));

    private async Task<IdentityResult> CreateAsync(string email, params string[] roles)
    {
        IdentityResult? result = null;
        await factory.AsAsync(Roles.Admin, async sp => result = await sp.GetRequiredService<UserAdministration>().CreateAsync(
            new NewStaffUser(email, "测试用户", "测", GoodPassword, roles)));
        return result!;
    }

    private async Task<IReadOnlyList<StaffUser>> ListAsync()
    {
        IReadOnlyList<StaffUser>? users = null;
        await factory.AsAsync(Roles.Admin, async sp => users = (await sp.GetRequiredService<UserAdministration>().PageAsync(new UserFilter(), new PageRequest(0, PageRequest.MaxTake))).Rows);
        return users!;
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        AppUser? user = null;
        await factory.WithScopeAsync(async sp => user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
        return user;
    }
}

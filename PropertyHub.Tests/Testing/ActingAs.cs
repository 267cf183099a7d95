using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Testing;

/// <summary>Runs service code as a demo user, the way a circuit would: the scope's authentication state is that user.</summary>
public static class ActingAs
{
    public static async Task AsAsync(this AppFactory factory, string role, Func<IServiceProvider, Task> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await SignInScopeAsync(sp, role);
        await action(sp);
    }

    /// <summary>The scope of a request nobody signed in to: an occupant on a personal link.</summary>
    public static void AnonymousScope(IServiceProvider sp) =>
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()))));

    public static async Task SignInScopeAsync(IServiceProvider sp, string role)
    {
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(role))
            ?? throw new InvalidOperationException("Demo user missing for " + role);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var provider = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }
}

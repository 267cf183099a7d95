using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Bench;

/// <summary>Runs a scope as a demo user, the way a circuit does: services check that user's roles (see the access table).</summary>
public static class ActingScope
{
    public static async Task SignInAsync(IServiceProvider sp, string role)
    {
        var email = DemoUsers.All.First(u => u.Role == role).Email;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException("Demo user missing: " + email);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var provider = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }
}

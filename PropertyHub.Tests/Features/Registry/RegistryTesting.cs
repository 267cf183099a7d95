using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>Runs code in a scope of the app as a signed-in demo user, the way a circuit does.</summary>
internal static class RegistryTesting
{
    public static async Task AsAsync(this AppFactory factory, string role, Func<RegistryService, IServiceProvider, Task> action)
    {
        await factory.WithScopeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(role))
                ?? throw new InvalidOperationException("Demo user missing for " + role);
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            var provider = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
            provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            await action(sp.GetRequiredService<RegistryService>(), sp);
        });
    }

    public static Task AsAsync(this AppFactory factory, string role, Func<RegistryService, Task> action) =>
        factory.AsAsync(role, (registry, _) => action(registry));

    /// <summary>Runs with the given UI language, restoring the previous one after.</summary>
    public static async Task InCultureAsync(string culture, Func<Task> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Registry;

/// <summary>What the acting user may do with the registry; the services check it, not only the pages.</summary>
public sealed class RegistryAccess(IServiceProvider services)
{
    public async Task<bool> CanEditAsync() => IsInAnyRole(await UserAsync(), Roles.EditRegistry);

    public async Task<bool> CanSeeIdNumbersAsync() => IsInAnyRole(await UserAsync(), Roles.SeeIdNumbers);

    /// <summary>Whether the user has one of the roles in a comma-separated list such as <see cref="Roles.EditRegistry"/>.</summary>
    public static bool IsInAnyRole(ClaimsPrincipal user, string roles) =>
        user.Identity?.IsAuthenticated == true && roles.Split(',').Any(user.IsInRole);

    private async Task<ClaimsPrincipal> UserAsync()
    {
        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http?.User.Identity?.IsAuthenticated == true && !http.WebSockets.IsWebSocketRequest)
            return http.User;
        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is null)
            return new ClaimsPrincipal();
        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // No circuit and no request: nobody is signed in.
            return new ClaimsPrincipal();
        }
    }
}

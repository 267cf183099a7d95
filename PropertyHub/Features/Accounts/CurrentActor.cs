using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Accounts;

/// <summary>Who is acting in this scope: the circuit's or request's user, else the system.</summary>
public sealed class CurrentActor(IServiceProvider services)
{
    public async Task<Actor> GetAsync()
    {
        var principal = await GetPrincipalAsync();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? Actor.System : new Actor(id, principal.FindFirstValue(StaffClaimsFactory.DisplayNameClaim) ?? principal.Identity?.Name ?? id);
    }

    /// <summary>Whether the acting user has one of the roles in a comma-separated list such as <see cref="Roles.EditRegistry"/>.</summary>
    public async Task<bool> IsInAnyRoleAsync(string roles)
    {
        var user = await GetPrincipalAsync();
        return user.Identity?.IsAuthenticated == true && roles.Split(',').Any(user.IsInRole);
    }

    /// <summary>The signed-in user, or an anonymous principal for background work.</summary>
    public async Task<ClaimsPrincipal> GetPrincipalAsync()
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
            // Outside a circuit or a component render there is no authentication state: a background duty.
            return new ClaimsPrincipal();
        }
    }
}

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

    /// <summary>The user's id in a principal, or null when nobody is signed in.</summary>
    public static string? UserIdOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The signed-in user, or an anonymous principal for background work.</summary>
    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await GetActingAsync()).Principal;

    /// <summary>
    /// Who acts: the request's or circuit's user (anonymous when nobody signed in), or the system when there is neither
    /// a request nor a circuit (a scheduled duty, start-up seeding, the command line).
    /// </summary>
    public async Task<(ClaimsPrincipal Principal, bool IsSystem)> GetActingAsync()
    {
        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http is not null && !http.WebSockets.IsWebSocketRequest && http.User.Identity?.IsAuthenticated == true)
            return (http.User, false);
        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is not null)
        {
            try
            {
                return ((await provider.GetAuthenticationStateAsync()).User, false);
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit or a component render there is no authentication state.
            }
        }
        // A request nobody signed in to is anonymous; with no request either, it is a background duty.
        return http is not null && !http.WebSockets.IsWebSocketRequest ? (http.User, false) : (new ClaimsPrincipal(), true);
    }
}

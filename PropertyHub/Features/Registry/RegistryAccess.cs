using System.Security.Claims;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Registry;

/// <summary>What the acting user may do with the registry; the services check it, not only the pages.</summary>
public sealed class RegistryAccess(CurrentActor actor)
{
    public Task<bool> CanEditAsync() => actor.IsInAnyRoleAsync(Roles.EditRegistry);

    public Task<bool> CanSeeIdNumbersAsync() => actor.IsInAnyRoleAsync(Roles.SeeIdNumbers);

    /// <summary>Whether the user has one of the roles in a comma-separated list such as <see cref="Roles.EditRegistry"/>.</summary>
    public static bool IsInAnyRole(ClaimsPrincipal user, string roles) =>
        user.Identity?.IsAuthenticated == true && roles.Split(',').Any(user.IsInRole);
}

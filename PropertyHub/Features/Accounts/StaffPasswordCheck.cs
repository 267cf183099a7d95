using Microsoft.AspNetCore.Identity;

namespace PropertyHub.Features.Accounts;

/// <summary>
/// Asks the signed-in staff member for their password again, e.g. to leave a kiosk page handed to an occupant.
/// Wrong passwords count towards the account's lockout like a failed sign-in.
/// </summary>
public sealed class StaffPasswordCheck(CurrentActor actor, IServiceScopeFactory scopes)
{
    public async Task<bool> ConfirmAsync(string? password)
    {
        var principal = await actor.GetPrincipalAsync();
        var userId = principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is null || string.IsNullOrEmpty(password))
            return false;
        // A scope of its own: the circuit outlives any one database context.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return false;
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded;
    }
}

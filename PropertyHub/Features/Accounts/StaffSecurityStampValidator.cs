using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PropertyHub.Features.Accounts;

/// <summary>
/// The per-request cookie check (every request, see AddAccounts): the security stamp must match, and the user must not
/// be disabled — also when the flag was set without a new stamp (by hand in the database, by an older version).
/// A refused cookie leaves the reason for the sign-in page (<see cref="SignedOutReasons"/>).
/// </summary>
internal sealed class StaffSecurityStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { IsDisabled: false } user ? user : null;

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        await base.ValidateAsync(context);
        if (context.Principal is null && principal is not null)
            SignedOutReasons.Leave(context.HttpContext, await ReasonAsync(principal));
    }

    private async Task<SignedOutReason> ReasonAsync(ClaimsPrincipal principal)
    {
        var user = await SignInManager.UserManager.GetUserAsync(principal);
        if (user is null)
            return SignedOutReason.SessionEnded;
        if (user.IsDisabled)
            return SignedOutReason.Disabled;
        var roleType = SignInManager.Options.ClaimsIdentity.RoleClaimType;
        var had = principal.FindAll(roleType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var has = await SignInManager.UserManager.GetRolesAsync(user);
        return had.SetEquals(has) ? SignedOutReason.SessionEnded : SignedOutReason.RolesChanged;
    }
}

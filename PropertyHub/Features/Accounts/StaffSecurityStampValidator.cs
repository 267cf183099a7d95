using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PropertyHub.Features.Accounts;

/// <summary>
/// The per-request cookie check (every request, see AddAccounts): the security stamp must match, and the user must not
/// be disabled — also when the flag was set without a new stamp (by hand in the database, by an older version).
/// </summary>
internal sealed class StaffSecurityStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { IsDisabled: false } user ? user : null;
}

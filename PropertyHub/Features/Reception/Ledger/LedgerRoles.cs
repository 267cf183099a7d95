using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Reception.Ledger;

/// <summary>Who reads the front-desk ledger and who records its reviews (P3 4.2.4–4.2.5).</summary>
public static class LedgerRoles
{
    public const string Read = Roles.Clerk + "," + Roles.Supervisor + "," + Roles.Manager + "," + Roles.Admin;

    /// <summary>The supervisor's daily review; a manager or administrator may stand in.</summary>
    public const string ReviewDaily = Roles.Supervisor + "," + Roles.Manager + "," + Roles.Admin;

    /// <summary>The manager's weekly review.</summary>
    public const string ReviewWeekly = Roles.Manager + "," + Roles.Admin;

    /// <summary>The measures page.</summary>
    public const string SeeMeasures = Roles.Supervisor + "," + Roles.Manager + "," + Roles.Admin;

    public static bool IsIn(System.Security.Claims.ClaimsPrincipal user, string roles) => roles.Split(',').Any(user.IsInRole);
}

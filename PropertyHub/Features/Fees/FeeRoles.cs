using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Fees;

public static class FeeRoles
{
    /// <summary>Set fee items and rates.</summary>
    public const string EditItems = $"{Roles.Finance},{Roles.Admin}";

    /// <summary>See the fee items page (the public fee standard needs no sign-in).</summary>
    public const string SeeItems = $"{Roles.Finance},{Roles.Manager},{Roles.Admin},{Roles.Supervisor}";
}

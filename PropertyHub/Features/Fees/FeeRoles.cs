using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Fees;

public static class FeeRoles
{
    /// <summary>Set fee items and rates.</summary>
    public const string EditItems = $"{Roles.Finance},{Roles.Admin}";

    /// <summary>Take payments at the counter and hand over receipts (clerks enter payments too, SPEC roles).</summary>
    public const string TakePayments = $"{Roles.Finance},{Roles.Clerk}";

    /// <summary>Reverse a payment (with a reason, on the audit trail).</summary>
    public const string ReversePayments = Roles.Finance;

    /// <summary>See the fee items page (the public fee standard needs no sign-in).</summary>
    public const string SeeItems = $"{Roles.Finance},{Roles.Manager},{Roles.Admin},{Roles.Supervisor}";
}

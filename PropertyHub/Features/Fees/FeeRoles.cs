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

    /// <summary>Go door to door and record visits; Finance also assigns the tasks.</summary>
    public const string Collect = $"{Roles.Finance},{Roles.Clerk},{Roles.Engineer}";

    /// <summary>Assign collection tasks to staff.</summary>
    public const string AssignCollection = $"{Roles.Finance},{Roles.Manager}";

    /// <summary>Record paid services and take the occupant's signature.</summary>
    public const string RecordPaidServices = $"{Roles.Engineer},{Roles.Clerk},{Roles.Finance}";

    /// <summary>See the books and fee reports.</summary>
    public const string SeeBooks = $"{Roles.Finance},{Roles.Manager},{Roles.Admin}";

    /// <summary>Write the semiannual statement's expenditure lines.</summary>
    public const string DraftDisclosure = Roles.Finance;

    /// <summary>Approve and publish the semiannual statement.</summary>
    public const string ApproveDisclosure = Roles.Manager;

    /// <summary>Everyone with any fee work: sees the fees group in the menu.</summary>
    public const string Any = $"{Roles.Finance},{Roles.Clerk},{Roles.Engineer},{Roles.Manager},{Roles.Admin},{Roles.Supervisor}";

    /// <summary>See the fee items page (the public fee standard needs no sign-in).</summary>
    public const string SeeItems = $"{Roles.Finance},{Roles.Manager},{Roles.Admin},{Roles.Supervisor}";
}

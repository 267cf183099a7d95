using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Reception.IntakeDesk;

/// <summary>Who works the reception desk.</summary>
public static class DeskRoles
{
    /// <summary>Roles that log contacts on the intake page.</summary>
    public const string TakeContacts = Roles.Clerk + "," + Roles.Supervisor + "," + Roles.Manager + "," + Roles.Admin;

    /// <summary>Roles that change the information archive (P3 4.1.2: the customer-service group lead and above).</summary>
    public const string MaintainArchive = Roles.Supervisor + "," + Roles.Manager + "," + Roles.Admin;

    /// <summary>The key that opens the intake page from anywhere (see IntakeShortcut.razor.js).</summary>
    public const string ShortcutKey = "F2";
}

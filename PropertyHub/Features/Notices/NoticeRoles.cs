using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Notices;

public static class NoticeRoles
{
    /// <summary>See every notice, re-send failed ones, post on the board.</summary>
    public const string Manage = Roles.Supervisor + "," + Roles.Manager + "," + Roles.Admin;

    /// <summary>Print letter batches and mark them delivered by hand.</summary>
    public const string PrintLetters = Manage + "," + Roles.Clerk;
}

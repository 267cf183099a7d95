using Microsoft.AspNetCore.Identity;

namespace PropertyHub.Features.Accounts;

/// <summary>A member of staff who signs in. Occupants never have one.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Full name as shown to colleagues.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Surname the clerk gives on the phone: "我姓____" (P2 §2).</summary>
    public string Surname { get; set; } = "";

    /// <summary>A disabled user cannot sign in and their open sessions end.</summary>
    public bool IsDisabled { get; set; }
}

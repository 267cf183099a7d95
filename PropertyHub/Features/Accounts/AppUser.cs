using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Reception;

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

    /// <summary>The department the user works in; their queue opens on it. Null: customer service and supervisors see all.</summary>
    public Department? Department { get; set; }

    /// <summary>The language the user chose (zh-Hans, zh-Hant, en): the app speaks it on every browser they sign in on.</summary>
    public string? Language { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.Department).HasConversion<string>().HasMaxLength(24);
        builder.Property(u => u.Language).HasMaxLength(10);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Registry;

public enum OccupantRole
{
    Owner,
    Tenant,
}

public enum OccupantKind
{
    Person,
    Company,
}

/// <summary>An occupant (業戶) of a unit: its owner or a tenant, a person or a company.</summary>
public sealed class Occupant : IVersioned, IAudited
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public OccupantRole Role { get; set; }
    public OccupantKind Kind { get; set; }
    public required string Name { get; set; }
    [PersonalData] public string? Phone { get; set; }
    [PersonalData] public string? Phone2 { get; set; }
    public string? Email { get; set; }
    /// <summary>ID card or company registration number, stored in full; shown masked except to Manager and Admin.</summary>
    [PersonalData] public string? IdNumber { get; set; }
    public bool IsVip { get; set; }
    public string? VipNotes { get; set; }
    /// <summary>Culture name of the language notices are written in: zh-Hans, zh-Hant or en.</summary>
    public string PreferredLanguage { get; set; } = "zh-Hans";
    public int Version { get; set; }
}

internal sealed class OccupantConfiguration : IEntityTypeConfiguration<Occupant>
{
    public void Configure(EntityTypeBuilder<Occupant> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.Phone).HasMaxLength(20);
        builder.Property(o => o.Phone2).HasMaxLength(20);
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.Property(o => o.IdNumber).HasMaxLength(18);
        builder.Property(o => o.VipNotes).HasMaxLength(1000);
        builder.Property(o => o.PreferredLanguage).HasMaxLength(8);
        builder.Property(o => o.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.Phone);
        builder.HasIndex(o => o.Name);
        builder.HasOne(o => o.Unit).WithMany(u => u.Occupants).HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

/// <summary>How a fee item is charged each month.</summary>
public enum FeeBasis
{
    /// <summary>Rate × the unit's floor area.</summary>
    PerSquareMetre,
    /// <summary>The rate, once per unit.</summary>
    PerUnit,
}

/// <summary>
/// A fee item (收費項目, P1§7.1 and §7.4): the property management fee, the building equipment operating fee and
/// others, public and lawful. Its rates depend on the unit's use and change on effective dates.
/// </summary>
public sealed class FeeItem : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    /// <summary>Stable short code, e.g. "management".</summary>
    public required string Code { get; set; }
    public required string NameHans { get; set; }
    public required string NameHant { get; set; }
    public required string NameEn { get; set; }
    public FeeBasis Basis { get; set; }
    public int Order { get; set; }
    /// <summary>Inactive items are no longer billed nor published; their history stays.</summary>
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    public List<FeeRate> Rates { get; set; } = [];

    public string NameIn(string culture) => Languages.Cultures.Pick(culture, NameHans, NameHant, NameEn);
}

/// <summary>
/// The rate of a fee item for one unit use from a date on (CNY per m² per month, or per unit per month). Rates are
/// never changed in place: a new rate with a later effective date replaces it from that date.
/// </summary>
public sealed class FeeRate : IAudited
{
    public int Id { get; set; }
    public int FeeItemId { get; set; }
    public UnitUse Use { get; set; }
    public decimal Amount { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class FeeItemConfiguration : IEntityTypeConfiguration<FeeItem>
{
    public void Configure(EntityTypeBuilder<FeeItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.NameHans).HasMaxLength(100);
        builder.Property(i => i.NameHant).HasMaxLength(100);
        builder.Property(i => i.NameEn).HasMaxLength(100);
        builder.Property(i => i.Basis).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.EstateId, i.Code }).IsUnique();
        builder.HasOne<Estate>().WithMany().HasForeignKey(i => i.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Rates).WithOne().HasForeignKey(r => r.FeeItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeeRateConfiguration : IEntityTypeConfiguration<FeeRate>
{
    public void Configure(EntityTypeBuilder<FeeRate> builder)
    {
        builder.Property(r => r.Use).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.FeeItemId, r.Use, r.EffectiveFrom }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Registry;

/// <summary>A building (樓棟) of an estate.</summary>
public sealed class Building : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public Estate? Estate { get; set; }
    /// <summary>Short name used in unit addresses, e.g. "1" in 1-1201.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public List<Unit> Units { get; set; } = [];
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.Property(b => b.Code).HasMaxLength(16);
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.EstateId, b.Code }).IsUnique();
        builder.HasOne(b => b.Estate).WithMany(e => e.Buildings).HasForeignKey(b => b.EstateId).OnDelete(DeleteBehavior.Restrict);
    }
}

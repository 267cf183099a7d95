using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Registry;

public enum UnitUse
{
    Residential,
    Office,
    Commercial,
}

/// <summary>A unit (單元/房屋): the thing fees are charged on and occupants live in.</summary>
public sealed class Unit : IVersioned, IAudited
{
    public int Id { get; set; }
    public int BuildingId { get; set; }
    public Building? Building { get; set; }
    /// <summary>Number within the building, e.g. "1201".</summary>
    public required string Number { get; set; }
    public int Floor { get; set; }
    /// <summary>Floor area in m².</summary>
    public decimal Area { get; set; }
    public UnitUse Use { get; set; }
    public int Version { get; set; }
    public List<Occupant> Occupants { get; set; } = [];
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Number).HasMaxLength(16);
        builder.Property(u => u.Use).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.BuildingId, u.Number }).IsUnique();
        builder.HasIndex(u => u.Number);
        builder.HasOne(u => u.Building).WithMany(b => b.Units).HasForeignKey(u => u.BuildingId).OnDelete(DeleteBehavior.Restrict);
    }
}

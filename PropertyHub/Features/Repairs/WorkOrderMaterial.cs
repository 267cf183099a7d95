using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.Repairs;

/// <summary>A material the engineer used on paid work, with its quantity and unit price; together they make the amount the occupant signs.</summary>
public sealed class WorkOrderMaterial
{
    public const int MaxName = 200;

    public int Id { get; set; }
    public int WorkOrderId { get; set; }
    public required string Name { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Quantity times unit price, to the cent.</summary>
    public static decimal LineAmount(decimal quantity, decimal unitPrice) => Math.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);
}

internal sealed class WorkOrderMaterialConfiguration : IEntityTypeConfiguration<WorkOrderMaterial>
{
    public void Configure(EntityTypeBuilder<WorkOrderMaterial> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(WorkOrderMaterial.MaxName);
        builder.Property(m => m.Quantity).HasPrecision(18, 2);
        builder.Property(m => m.UnitPrice).HasPrecision(18, 2);
        builder.HasOne<WorkOrder>().WithMany(w => w.Materials).HasForeignKey(m => m.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One material line as the engineer and the occupant see it.</summary>
public sealed record MaterialRow(string Name, decimal Quantity, decimal UnitPrice, decimal Amount);

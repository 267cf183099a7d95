using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.Repairs;

/// <summary>When a work order's photo was taken.</summary>
public enum PhotoStage
{
    /// <summary>Taken when the work order was raised: what the occupant or staff saw.</summary>
    Raised,
    /// <summary>The engineer's photo before the work.</summary>
    Before,
    /// <summary>The engineer's photo after the work.</summary>
    After,
}

/// <summary>
/// A photo of a work order (P4: before and after, taken with the engineer's phone camera). The picture is a
/// <see cref="StoredFile"/> in the shared store, sent only through the work order's endpoint to staff who may see it.
/// </summary>
public sealed class WorkOrderPhoto
{
    public int Id { get; set; }
    public int WorkOrderId { get; set; }
    public PhotoStage Stage { get; set; }
    public Guid FileId { get; set; }
    public StoredFile? File { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public required string TakenByName { get; set; }
}

internal sealed class WorkOrderPhotoConfiguration : IEntityTypeConfiguration<WorkOrderPhoto>
{
    public void Configure(EntityTypeBuilder<WorkOrderPhoto> builder)
    {
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.TakenByName).HasMaxLength(256);
        builder.HasOne<WorkOrder>().WithMany(w => w.Photos).HasForeignKey(p => p.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.FileId).IsUnique();
        builder.HasIndex(p => new { p.WorkOrderId, p.Id });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

public enum CollectionStatus
{
    Open,
    /// <summary>The occupant promised to pay by a date.</summary>
    Promised,
    /// <summary>Paid (on the spot or at the counter): closed.</summary>
    Paid,
    Refused,
}

public enum VisitOutcome
{
    PaidOnSpot,
    Promised,
    Refused,
    NotAtHome,
}

/// <summary>
/// Door-to-door collection (上門收款, P1§7.3) of one unpaid payment request after its due date, assigned to a member
/// of staff and grouped by building. Unique on the request: the collection duty creates it once.
/// </summary>
public sealed class CollectionTask : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public int BuildingId { get; set; }
    public int UnitId { get; set; }
    public int PaymentRequestId { get; set; }
    /// <summary>The staff user the visit is assigned to (null until assigned).</summary>
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }
    public CollectionStatus Status { get; set; }
    public DateOnly? PromisedDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    public List<CollectionVisit> Visits { get; set; } = [];
}

/// <summary>One visit to collect, recorded on a phone at the door.</summary>
public sealed class CollectionVisit
{
    public int Id { get; set; }
    public int CollectionTaskId { get; set; }
    public DateTimeOffset VisitedAt { get; set; }
    public required string VisitedBy { get; set; }
    public VisitOutcome Outcome { get; set; }
    public DateOnly? PromisedDate { get; set; }
    public string? Note { get; set; }
    /// <summary>The payment taken on the spot, with its receipt.</summary>
    public int? PaymentId { get; set; }
}

internal sealed class CollectionTaskConfiguration : IEntityTypeConfiguration<CollectionTask>
{
    public void Configure(EntityTypeBuilder<CollectionTask> builder)
    {
        builder.Property(t => t.AssignedToId).HasMaxLength(450);
        builder.Property(t => t.AssignedToName).HasMaxLength(256);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.PaymentRequestId).IsUnique();
        builder.HasIndex(t => new { t.EstateId, t.Status, t.BuildingId });
        builder.HasIndex(t => new { t.AssignedToId, t.Status });
        builder.HasOne<PaymentRequest>().WithMany().HasForeignKey(t => t.PaymentRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Visits).WithOne().HasForeignKey(v => v.CollectionTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionVisitConfiguration : IEntityTypeConfiguration<CollectionVisit>
{
    public void Configure(EntityTypeBuilder<CollectionVisit> builder)
    {
        builder.Property(v => v.VisitedBy).HasMaxLength(256);
        builder.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.HasOne<Payment>().WithMany().HasForeignKey(v => v.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

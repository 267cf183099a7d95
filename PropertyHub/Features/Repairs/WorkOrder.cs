using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Repairs;

/// <summary>A repair an occupant asked for, or work staff raised themselves (a common area, a routine check, P4 六).</summary>
public enum WorkOrderKind
{
    Repair,
    RoutineCheck,
}

public enum RepairLocation
{
    InUnit,
    CommonArea,
}

public enum RepairCategory
{
    Water,
    Electricity,
    DoorsAndWindows,
    Lift,
    Gas,
    Other,
}

public enum RepairUrgency
{
    Normal,
    Emergency,
}

/// <summary>Where a work order is in its life; the steps between them are in <see cref="WorkOrderRules"/>.</summary>
public enum WorkOrderStatus
{
    ToSchedule,
    Scheduled,
    InProgress,
    AwaitingAcceptance,
    Completed,
    FollowedUp,
    Closed,
    /// <summary>Not accepted, or the follow-up found it not fixed (返修): to be scheduled again.</summary>
    Rework,
    Cancelled,
}

/// <summary>
/// A work order (維修單): the repair behind a repair request, or work staff raised. It always belongs to one service
/// request, whose timeline records every step and whose deadline is the one the queue counts down and the sweep escalates.
/// </summary>
public sealed class WorkOrder : IVersioned
{
    public const int MaxDescription = 2000;
    public const int MaxPlace = 200;
    public const int MaxReason = 1000;

    public int Id { get; set; }
    public int EstateId { get; set; }
    public int ServiceRequestId { get; set; }
    public ServiceRequest? Request { get; set; }
    public WorkOrderKind Kind { get; set; }
    public RepairLocation Location { get; set; }
    /// <summary>In the unit: the unit. In a common area: null.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>In a common area: the building (null for the grounds) and the place in words.</summary>
    public int? BuildingId { get; set; }
    public string? Place { get; set; }
    public RepairCategory Category { get; set; }
    public RepairUrgency Urgency { get; set; }
    /// <summary>The occupant's own fittings in the unit: a paid service (P1§7.4).</summary>
    public bool IsPaid { get; set; }
    public required string Description { get; set; }
    public WorkOrderStatus Status { get; set; }
    public int ReworkCount { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    /// <summary>The engineer of the current appointment (null while none is agreed).</summary>
    public string? EngineerId { get; set; }
    public string? EngineerName { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>What the engineer says he did, shown to the occupant at the acceptance.</summary>
    public string? WorkDone { get; set; }
    /// <summary>The P4 checklist items the engineer has ticked on this visit ("ShoeCovers,DropCloth"), saved as he taps them.</summary>
    public string? VisitChecks { get; set; }
    /// <summary>The occupant's signature on the acceptance, as SVG path data drawn on the engineer's phone.</summary>
    public string? AcceptanceSignature { get; set; }
    /// <summary>Paid work: the signed paid service the acceptance created, billed on the next payment request.</summary>
    public int? PaidServiceId { get; set; }
    public Fees.PaidService? PaidService { get; set; }
    public DateTimeOffset? FollowedUpAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }
    public List<Appointment> Appointments { get; set; } = [];
    public List<WorkOrderMaterial> Materials { get; set; } = [];
    public List<WorkOrderPhoto> Photos { get; set; } = [];
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Location).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Urgency).HasConversion<string>().HasMaxLength(12);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Place).HasMaxLength(WorkOrder.MaxPlace);
        builder.Property(w => w.Description).HasMaxLength(WorkOrder.MaxDescription);
        builder.Property(w => w.CancelReason).HasMaxLength(WorkOrder.MaxReason);
        builder.Property(w => w.CreatedByName).HasMaxLength(256);
        builder.Property(w => w.EngineerId).HasMaxLength(450);
        builder.Property(w => w.EngineerName).HasMaxLength(256);
        builder.Property(w => w.WorkDone).HasMaxLength(WorkOrder.MaxDescription);
        builder.Property(w => w.VisitChecks).HasMaxLength(200);
        builder.Property(w => w.AcceptanceSignature).HasMaxLength(Fees.PaidServices.PaidServiceRules.SignatureMax);
        builder.Property(w => w.Version).IsConcurrencyToken();
        // One paid service per work order, whatever happens at the acceptance.
        builder.HasOne(w => w.PaidService).WithMany().HasForeignKey(w => w.PaidServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.PaidServiceId).IsUnique();
        builder.HasOne(w => w.Request).WithMany().HasForeignKey(w => w.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Unit).WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Building>().WithMany().HasForeignKey(w => w.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Estate>().WithMany().HasForeignKey(w => w.EstateId).OnDelete(DeleteBehavior.Restrict);
        // One work order per request: two clerks creating it at once get one, the unique key stops the second.
        builder.HasIndex(w => w.ServiceRequestId).IsUnique();
        builder.HasIndex(w => new { w.EstateId, w.Status, w.Id });
    }
}

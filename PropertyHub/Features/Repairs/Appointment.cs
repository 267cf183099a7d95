using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.Repairs;

public enum AppointmentStatus
{
    /// <summary>The appointment that stands.</summary>
    Current,
    /// <summary>Replaced by a later one: kept as history.</summary>
    Moved,
    /// <summary>The work order was cancelled, or the visit took place and it was sent back for rework.</summary>
    Ended,
}

/// <summary>
/// A visit agreed with the occupant through customer service (P4 一): the day, the time window, what will be done and
/// about how long it takes, and the engineer. Moving it adds a new one and marks this one moved: the history stays.
/// </summary>
public sealed class Appointment
{
    public const int MaxWorkContent = 1000;

    public int Id { get; set; }
    public int WorkOrderId { get; set; }
    public AppointmentStatus Status { get; set; }
    /// <summary>The window the engineer arrives in (UTC).</summary>
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    public required string WorkContent { get; set; }
    public int ExpectedMinutes { get; set; }
    public required string EngineerId { get; set; }
    public required string EngineerName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    /// <summary>The occupant asked (through their link) to move it: the call-back task on the queue. Once per appointment.</summary>
    public int? MoveRequestId { get; set; }
    public Reception.ServiceRequest? MoveRequest { get; set; }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.WorkContent).HasMaxLength(Appointment.MaxWorkContent);
        builder.Property(a => a.EngineerId).HasMaxLength(450);
        builder.Property(a => a.EngineerName).HasMaxLength(256);
        builder.Property(a => a.CreatedByName).HasMaxLength(256);
        builder.HasOne(a => a.MoveRequest).WithMany().HasForeignKey(a => a.MoveRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkOrder>().WithMany(w => w.Appointments).HasForeignKey(a => a.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        // An engineer's day: overlap checks and the phone page.
        builder.HasIndex(a => new { a.EngineerId, a.Status, a.WindowStart });
    }
}

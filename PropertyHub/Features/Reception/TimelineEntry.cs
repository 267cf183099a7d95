using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.Reception;

public enum TimelineKind
{
    Created,
    Answered,
    Transferred,
    Assigned,
    Escalated,
    Replied,
    Closed,
    Reopened,
    Note,
    /// <summary>A step of the request's work order (Features/Repairs); the text says which.</summary>
    WorkOrder,
}

/// <summary>One step in the life of a service request. Append-only: entries are never changed or removed.</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public int ServiceRequestId { get; set; }
    public TimelineKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>The reply, note or remark; for an escalation, empty (the level says it).</summary>
    public string? Text { get; set; }
    /// <summary>
    /// The text as a key and arguments (<see cref="TimelinePhrases"/>), so each reader sees it in their own language;
    /// <see cref="Text"/> keeps it in the writer's language. Null on entries written before, which show their text.
    /// </summary>
    public string? Phrase { get; set; }
    public Department? Department { get; set; }
    public EscalationLevel? Level { get; set; }
    public Channel? Channel { get; set; }
    /// <summary>For a close without a reply: why.</summary>
    public CloseReason? CloseReason { get; set; }
    /// <summary>For a reply: it came after the deadline.</summary>
    public bool Late { get; set; }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Department).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Level).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.CloseReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ActorId).HasMaxLength(450);
        builder.Property(t => t.ActorName).HasMaxLength(256);
        builder.Property(t => t.Text).HasMaxLength(ServiceRequest.MaxContentLength);
        builder.Property(t => t.Phrase).HasMaxLength(TimelinePhrases.MaxLength);
        builder.HasOne<ServiceRequest>().WithMany(r => r.Timeline).HasForeignKey(t => t.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ServiceRequestId, t.At });
    }
}

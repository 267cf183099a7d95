using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Reception;

public enum RequestKind
{
    Inquiry,
    Complaint,
    Repair,
    Suggestion,
    Message,
}

public enum Channel
{
    Counter,
    RepairHotline,
    ServiceLine,
    ComplaintLine,
    Visit,
    Letter,
}

public enum Department
{
    CustomerService,
    Engineering,
    Security,
    Leasing,
    Clubhouse,
    Finance,
    Property,
}

public enum RequestStatus
{
    Open,
    Closed,
}

/// <summary>How far up an item has been raised: nobody yet, the supervisors, the manager.</summary>
public enum EscalationLevel
{
    None,
    /// <summary>A VIP's item, raised first to the service manager agreed with them (P1§12).</summary>
    ServiceManager,
    Supervisor,
    Manager,
}

/// <summary>
/// One contact with an occupant (業戶接待): an inquiry, complaint, repair request, suggestion or a message for a
/// colleague, with its deadline and an append-only timeline.
/// </summary>
public sealed class ServiceRequest : IVersioned
{
    public const int MaxContentLength = 4000;

    public int Id { get; set; }
    public int EstateId { get; set; }
    public RequestKind Kind { get; set; }
    public Channel Channel { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? OccupantId { get; set; }
    public string? CallerName { get; set; }
    public string? Phone { get; set; }
    public required string Content { get; set; }
    public bool IsImportant { get; set; }
    /// <summary>The department the item was transferred to (P3 4.2.1); null while customer service holds it.</summary>
    public Department? Department { get; set; }
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    /// <summary>For a message: the colleague it is for.</summary>
    public string? ForColleague { get; set; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The agreed reply time of an inquiry not answered at once (協定答復時間, P3 4.1.3).</summary>
    public DateTimeOffset? AgreedReplyAt { get; set; }
    /// <summary>The reply deadline (答復期限); null when the item has none (answered at once, suggestions).</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>When the item is raised to the supervisors if still open.</summary>
    public DateTimeOffset? WarnAt { get; set; }
    public EscalationLevel Level { get; set; }
    /// <summary>Set once the deadline passed with the item open; never cleared.</summary>
    public bool IsOverdue { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    /// <summary>The first reply came after the deadline.</summary>
    public bool RepliedLate { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Why the item was closed without a reply; null while open or when the reply closed it.</summary>
    public CloseReason? CloseReason { get; set; }
    /// <summary>The information-archive entry the answer came from, if any.</summary>
    public int? KnowledgeEntryId { get; set; }
    /// <summary>Remark column of the front-desk ledger (transfer remarks, P3 4.2.1).</summary>
    public string? Remark { get; set; }
    /// <summary>For a VIP's item: the service manager agreed with them, who is escalated to first (P1§12).</summary>
    public string? ServiceManagerId { get; set; }
    public string? ServiceManagerName { get; set; }
    public string? TakenById { get; set; }
    public required string TakenByName { get; set; }
    public int Version { get; set; }
    public List<TimelineEntry> Timeline { get; set; } = [];
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Department).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.CloseReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CallerName).HasMaxLength(100);
        builder.Property(r => r.Phone).HasMaxLength(20);
        builder.Property(r => r.Content).HasMaxLength(ServiceRequest.MaxContentLength);
        builder.Property(r => r.AssigneeId).HasMaxLength(450);
        builder.Property(r => r.AssigneeName).HasMaxLength(256);
        builder.Property(r => r.ForColleague).HasMaxLength(100);
        builder.Property(r => r.Remark).HasMaxLength(1000);
        builder.Property(r => r.TakenById).HasMaxLength(450);
        builder.Property(r => r.TakenByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(r => r.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Estate>().WithMany().HasForeignKey(r => r.EstateId).OnDelete(DeleteBehavior.Restrict);
        // The open queue: open items of an estate by deadline. The ledger: all items by time received.
        builder.HasIndex(r => new { r.EstateId, r.Status, r.DueAt });
        builder.HasIndex(r => new { r.EstateId, r.ReceivedAt });
        // The escalation sweep: open items whose warning or deadline has come.
        builder.HasIndex(r => new { r.Status, r.WarnAt });
        builder.HasIndex(r => new { r.Status, r.DueAt });
    }
}

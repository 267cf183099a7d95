using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.Repairs;

public enum FollowUpOutcome
{
    Satisfied,
    /// <summary>The occupant raised issues: recorded; the order is reopened for rework or a complaint is raised.</summary>
    Issues,
    /// <summary>Nobody answered: recorded as an attempt, the follow-up stays due (retry).</summary>
    NoAnswer,
}

/// <summary>What follows from a follow-up with issues.</summary>
public enum FollowUpAction
{
    None,
    Rework,
    Complaint,
}

/// <summary>One follow-up call (回訪, P1§5.5) on a completed repair: each attempt is kept, answered or not.</summary>
public sealed class RepairFollowUp
{
    public const int MaxRemark = 1000;

    public int Id { get; set; }
    public int WorkOrderId { get; set; }
    public FollowUpOutcome Outcome { get; set; }
    public FollowUpAction Action { get; set; }
    public string? Remark { get; set; }
    /// <summary>For a complaint raised from it: the new service request.</summary>
    public int? ComplaintRequestId { get; set; }
    public Reception.ServiceRequest? Complaint { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByName { get; set; }
}

internal sealed class RepairFollowUpConfiguration : IEntityTypeConfiguration<RepairFollowUp>
{
    public void Configure(EntityTypeBuilder<RepairFollowUp> builder)
    {
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(12);
        builder.Property(f => f.Action).HasConversion<string>().HasMaxLength(12);
        builder.Property(f => f.Remark).HasMaxLength(RepairFollowUp.MaxRemark);
        builder.Property(f => f.ByName).HasMaxLength(256);
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(f => f.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Complaint).WithMany().HasForeignKey(f => f.ComplaintRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.WorkOrderId, f.At });
    }
}

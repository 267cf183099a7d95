using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// A 施工人員出入證 (P1§9.4): one per worker of a renovation with a permit, numbered after the permit, with the worker's
/// photo, valid over the permit's dates; revocable with a reason.
/// </summary>
public sealed class WorkerPass : IAudited
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int WorkerId { get; set; }
    /// <summary>The pass's place among the renovation's passes: 1, 2, …; unique per renovation.</summary>
    public int Ordinal { get; set; }
    /// <summary>e.g. "SG2026-000012-03": the permit's number and the ordinal; what the guard types or scans.</summary>
    public required string Number { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    /// <summary>The worker's photo, a stored file of the renovation (<see cref="RenovationDocumentKind.WorkerPhoto"/>).</summary>
    public Guid PhotoFileId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }
    /// <summary>When the pass came back after the works, or was written off (then with the reason).</summary>
    public DateTimeOffset? ReturnedAt { get; set; }
    public string? ReturnedBy { get; set; }
    public string? WriteOffReason { get; set; }
}

public enum GateOutcome
{
    Valid,
    NotYetValid,
    Expired,
    Revoked,
    NotFound,
    /// <summary>The pass came back after the works: it lets no one in.</summary>
    Returned,
    /// <summary>The pass did not come back and was written off (lost) with a reason: it lets no one in.</summary>
    WrittenOff,
}

/// <summary>One check of a pass at the gate, kept whatever its outcome: a pass checked twice is two rows.</summary>
public sealed class GateCheck
{
    public long Id { get; set; }
    /// <summary>What the guard typed or scanned, cleaned.</summary>
    public required string Number { get; set; }
    public int? PassId { get; set; }
    public GateOutcome Outcome { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public required string CheckedBy { get; set; }
}

internal sealed class WorkerPassConfiguration : IEntityTypeConfiguration<WorkerPass>
{
    public void Configure(EntityTypeBuilder<WorkerPass> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(24);
        builder.Property(p => p.IssuedBy).HasMaxLength(256);
        builder.Property(p => p.RevokedBy).HasMaxLength(256);
        builder.Property(p => p.RevokeReason).HasMaxLength(RenovationRules.ReasonsMax);
        builder.Property(p => p.ReturnedBy).HasMaxLength(256);
        builder.Property(p => p.WriteOffReason).HasMaxLength(RenovationRules.ReasonsMax);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => new { p.ApplicationId, p.Ordinal }).IsUnique();
        // One pass per worker: a revoked pass stays revoked.
        builder.HasIndex(p => p.WorkerId).IsUnique();
        builder.HasOne<RenovationApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RenovationWorker>().WithMany().HasForeignKey(p => p.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GateCheckConfiguration : IEntityTypeConfiguration<GateCheck>
{
    public void Configure(EntityTypeBuilder<GateCheck> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(24);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CheckedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.PassId, c.Id });
        builder.HasOne<WorkerPass>().WithMany().HasForeignKey(c => c.PassId).OnDelete(DeleteBehavior.Restrict);
    }
}

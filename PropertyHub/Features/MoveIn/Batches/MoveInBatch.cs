using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// A move-in batch (入伙批次, P1§4.1): units handed over to their owners on the batch's days, each owner picking one
/// handover slot through the personal link of the advance notice.
/// </summary>
public sealed class MoveInBatch : IVersioned, IAudited
{
    public const int NameMax = 100;

    public int Id { get; set; }
    public int EstateId { get; set; }
    public required string Name { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    /// <summary>When the advance notices went out (null until sent).</summary>
    public DateTimeOffset? NoticesSentAt { get; set; }
    /// <summary>When the batch was called off (null while it stands); the reason and who are in <see cref="Changes"/>.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public List<MoveInSlot> Slots { get; set; } = [];
    public List<UnitMoveIn> MoveIns { get; set; } = [];
    /// <summary>The batch's history: every move of its days, its cancellation and each unit moved or taken out, oldest first.</summary>
    public List<MoveInBatchChange> Changes { get; set; } = [];
}

public enum BatchChangeKind
{
    Moved,
    Cancelled,
    /// <summary>One unit's handover moved to days of its own (<see cref="MoveInBatchChange.MoveInId"/>).</summary>
    UnitMoved,
    /// <summary>One unit taken out of the batch: it is no longer handed over in it.</summary>
    UnitCancelled,
}

/// <summary>
/// One change of a batch, kept for good (P1§4.1 history): its days moved (from and to) or the batch cancelled, with the
/// reason, who and when. The owners already noticed are told of it through the outbox, each once per change.
/// </summary>
public sealed class MoveInBatchChange
{
    public const int ReasonMax = 500;

    public int Id { get; set; }
    public int BatchId { get; set; }
    /// <summary>The one unit's move-in a unit change is about; null when the whole batch changed.</summary>
    public int? MoveInId { get; set; }
    public BatchChangeKind Kind { get; set; }
    public DateOnly FromFirstDay { get; set; }
    public DateOnly FromLastDay { get; set; }
    /// <summary>The days after the change (the same as before for a cancellation).</summary>
    public DateOnly ToFirstDay { get; set; }
    public DateOnly ToLastDay { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

/// <summary>One handover slot of a batch on a day (estate time): one owner at the counter at a time, so one move-in per slot.</summary>
public sealed class MoveInSlot
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    /// <summary>
    /// 0 for the batch's slots, shared by its owners; a move-in's id for a slot on the days that one unit was moved to,
    /// offered to its owner only (and left where it is when the batch's days move).
    /// </summary>
    public int MoveInKey { get; set; }

    public string Label => $"{Day:yyyy-MM-dd} {Start:HH\\:mm}–{End:HH\\:mm}";
}

internal sealed class MoveInBatchConfiguration : IEntityTypeConfiguration<MoveInBatch>
{
    public void Configure(EntityTypeBuilder<MoveInBatch> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(MoveInBatch.NameMax);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.EstateId, b.FirstDay });
        builder.HasOne<Estate>().WithMany().HasForeignKey(b => b.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Slots).WithOne().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.MoveIns).WithOne().HasForeignKey(m => m.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Changes).WithOne().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MoveInBatchChangeConfiguration : IEntityTypeConfiguration<MoveInBatchChange>
{
    public void Configure(EntityTypeBuilder<MoveInBatchChange> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(MoveInBatchChange.ReasonMax);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.HasIndex(c => new { c.BatchId, c.Id });
        builder.HasIndex(c => new { c.MoveInId, c.Id });
        builder.HasOne<UnitMoveIn>().WithMany().HasForeignKey(c => c.MoveInId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MoveInSlotConfiguration : IEntityTypeConfiguration<MoveInSlot>
{
    public void Configure(EntityTypeBuilder<MoveInSlot> builder)
    {
        builder.Ignore(s => s.Label);
        builder.HasIndex(s => new { s.BatchId, s.MoveInKey, s.Day, s.Start }).IsUnique();
    }
}

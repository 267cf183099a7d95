using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// One unit's move-in (入伙, P1§4): its owner, the handover slot they picked, and at the counter the documents received,
/// the house inspection (房屋驗收表) with its defects, the key receipt (鑰匙簽收表) signed on the tablet, the receipts
/// of the fees paid, and the move-in record (入伙注記). A unit moves in once: the unit is unique, and so is a slot.
/// Until <see cref="MovedInOn"/> the unit is not billed; from that day it is.
/// </summary>
public sealed class UnitMoveIn : IVersioned, IAudited
{
    public const int KeysMax = 500;
    public const int NoteMax = 1000;

    public int Id { get; set; }
    public int BatchId { get; set; }
    public int EstateId { get; set; }
    public int UnitId { get; set; }
    /// <summary>The owner handed the unit over.</summary>
    public int OccupantId { get; set; }
    public int? SlotId { get; set; }
    public MoveInSlot? Slot { get; set; }
    public DateTimeOffset? SlotPickedAt { get; set; }
    /// <summary>The house inspection (房屋驗收表) was done with the owner (with or without defects).</summary>
    public DateTimeOffset? InspectedAt { get; set; }
    public string? InspectedBy { get; set; }
    /// <summary>The keys handed over, as listed on the key receipt (鑰匙簽收表), e.g. "大門鑰匙 3 把，信箱鑰匙 1 把".</summary>
    public string? Keys { get; set; }
    /// <summary>The owner's signature on the key receipt as SVG path data (the kiosk's <c>SignaturePad</c>).</summary>
    public string? KeysSignature { get; set; }
    public DateTimeOffset? KeysSignedAt { get; set; }
    public string? KeysWitnessedBy { get; set; }
    /// <summary>The move-in record (入伙注記): the day the unit is the owner's, billed from that day.</summary>
    public DateOnly? MovedInOn { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    /// <summary>What was done, written when completed: documents, defects raised, keys, receipts, and the clerk's note.</summary>
    public string? Record { get; set; }
    /// <summary>
    /// 0 while the move-in stands; its own id once its batch is cancelled. A unit is in one standing batch at a time
    /// (unique on unit and this), and a cancelled move-in stays as history while the unit goes into another batch.
    /// </summary>
    public int CancelKey { get; set; }
    public bool Cancelled => CancelKey != 0;
    public int Version { get; set; }
    public List<MoveInDocument> Documents { get; set; } = [];
    public List<MoveInDefect> Defects { get; set; } = [];
    public List<MoveInReceipt> Receipts { get; set; } = [];
}

/// <summary>
/// A document received from the owner at the counter, by its key in <see cref="MoveInOptions.Documents"/>. Kept on the
/// move-in until the occupant's file has its checklist; each row is what that checklist's "received" call takes.
/// </summary>
public sealed class MoveInDocument
{
    public int Id { get; set; }
    public int MoveInId { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
}

/// <summary>A defect found on the house inspection; it becomes a repair work order (<see cref="WorkOrderId"/>).</summary>
public sealed class MoveInDefect
{
    public const int PlaceMax = 100;
    public const int DescriptionMax = 500;

    public int Id { get; set; }
    public int MoveInId { get; set; }
    /// <summary>Where in the unit, e.g. "主卧窗户".</summary>
    public required string Place { get; set; }
    public required string Description { get; set; }
    public Repairs.RepairCategory Category { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    /// <summary>The work order raised for it; null only while it is being raised (raised again from the page).</summary>
    public int? WorkOrderId { get; set; }
}

/// <summary>A payment taken at the counter during the move-in (the counter's own payment and receipt).</summary>
public sealed class MoveInReceipt
{
    public int Id { get; set; }
    public int MoveInId { get; set; }
    public int PaymentId { get; set; }
}

internal sealed class UnitMoveInConfiguration : IEntityTypeConfiguration<UnitMoveIn>
{
    public void Configure(EntityTypeBuilder<UnitMoveIn> builder)
    {
        builder.Property(m => m.InspectedBy).HasMaxLength(256);
        builder.Property(m => m.Keys).HasMaxLength(UnitMoveIn.KeysMax);
        builder.Property(m => m.KeysSignature).HasMaxLength(100_000);
        builder.Property(m => m.KeysWitnessedBy).HasMaxLength(256);
        builder.Property(m => m.CompletedBy).HasMaxLength(256);
        builder.Property(m => m.Record).HasMaxLength(4000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // A unit is handed over once (a cancelled batch's move-ins aside); a slot serves one owner (two picking it at the same second: the key decides).
        builder.Ignore(m => m.Cancelled);
        builder.HasIndex(m => new { m.UnitId, m.CancelKey }).IsUnique();
        builder.HasIndex(m => m.SlotId).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(m => m.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Slot).WithMany().HasForeignKey(m => m.SlotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Documents).WithOne().HasForeignKey(d => d.MoveInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Defects).WithOne().HasForeignKey(d => d.MoveInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Receipts).WithOne().HasForeignKey(r => r.MoveInId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MoveInDocumentConfiguration : IEntityTypeConfiguration<MoveInDocument>
{
    public void Configure(EntityTypeBuilder<MoveInDocument> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(40);
        builder.Property(d => d.ReceivedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.MoveInId, d.Key }).IsUnique();
    }
}

internal sealed class MoveInDefectConfiguration : IEntityTypeConfiguration<MoveInDefect>
{
    public void Configure(EntityTypeBuilder<MoveInDefect> builder)
    {
        builder.Property(d => d.Place).HasMaxLength(MoveInDefect.PlaceMax);
        builder.Property(d => d.Description).HasMaxLength(MoveInDefect.DescriptionMax);
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
        builder.HasOne<Repairs.WorkOrder>().WithMany().HasForeignKey(d => d.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MoveInReceiptConfiguration : IEntityTypeConfiguration<MoveInReceipt>
{
    public void Configure(EntityTypeBuilder<MoveInReceipt> builder)
    {
        builder.HasIndex(r => r.PaymentId).IsUnique();
        builder.HasOne<Fees.Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

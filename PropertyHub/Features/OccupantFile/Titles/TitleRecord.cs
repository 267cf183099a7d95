using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.OccupantFile.Titles;

/// <summary>
/// One owner's stretch of a unit's ownership history (權籍資料, P1§6), with the title records collected for it: the
/// purchase contract, the property certificate number and the payment proof. A transfer adds the next one; none is
/// ever deleted. The owner on a day is the one with the latest <see cref="From"/> on or before it.
/// <see cref="Sequence"/> numbers a unit's owners 1, 2, 3…: unique per unit, so two transfers recorded at once
/// cannot both follow the same owner.
/// </summary>
public sealed class TitleRecord : IAudited
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int Sequence { get; set; }
    /// <summary>The owner: an occupant of the unit (kept on the registry after a transfer).</summary>
    public int OccupantId { get; set; }
    public Occupant? Occupant { get; set; }
    /// <summary>The first day owned (the transfer date; for the first owner on file, move-in or purchase).</summary>
    public DateOnly From { get; set; }
    public string? PurchaseContract { get; set; }
    public string? CertificateNumber { get; set; }
    public string? PaymentProof { get; set; }
}

internal sealed class TitleRecordConfiguration : IEntityTypeConfiguration<TitleRecord>
{
    public const int TextLength = 50;

    public void Configure(EntityTypeBuilder<TitleRecord> builder)
    {
        builder.Property(o => o.PurchaseContract).HasMaxLength(TextLength);
        builder.Property(o => o.CertificateNumber).HasMaxLength(TextLength);
        builder.Property(o => o.PaymentProof).HasMaxLength(TextLength);
        builder.HasIndex(o => new { o.UnitId, o.Sequence }).IsUnique();
        builder.HasIndex(o => new { o.UnitId, o.From }).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Occupant).WithMany().HasForeignKey(o => o.OccupantId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Files;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// A paper of one kind on an occupant's file (一戶一檔, P1§10.2): original or copy, the day it was received and by whom,
/// where it came from (e.g. the move-in), and optionally its scan. No row for a kind means the paper is missing. An
/// occupant may hold several papers of a kind (a second renovation's agreement, a second permit's register): each is a
/// row of its own, none replaces another. A new scan of a paper replaces the one shown (the old stays in the store and
/// the audit trail).
/// </summary>
public sealed class OccupantDocument : IAudited
{
    public int Id { get; set; }
    public int OccupantId { get; set; }
    public Occupant? Occupant { get; set; }
    public int KindId { get; set; }
    public DocumentKind? Kind { get; set; }
    public bool IsOriginal { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string ReceivedBy { get; set; }
    public string? SourceNote { get; set; }
    public Guid? FileId { get; set; }
    public StoredFile? File { get; set; }
    /// <summary>
    /// For a paper the app itself prints rather than a stored file (a renovation's receipt): the local address of the page
    /// that prints it (e.g. <c>/renovations/3/receipts/7</c>), opened from the file; the page checks its own access.
    /// </summary>
    public string? PrintLink { get; set; }
}

/// <summary>One opening of a document's scan: who, when, and whether it was viewed in the browser or downloaded.</summary>
public sealed class DocumentRead
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public Guid FileId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
    public bool Download { get; set; }
}

internal sealed class OccupantDocumentConfiguration : IEntityTypeConfiguration<OccupantDocument>
{
    public const int TextLength = 100;
    public const int PrintLinkLength = 200;

    public void Configure(EntityTypeBuilder<OccupantDocument> builder)
    {
        builder.Property(d => d.ReceivedBy).HasMaxLength(TextLength);
        builder.Property(d => d.SourceNote).HasMaxLength(TextLength);
        builder.Property(d => d.PrintLink).HasMaxLength(PrintLinkLength);
        builder.HasIndex(d => new { d.OccupantId, d.KindId });
        builder.HasIndex(d => d.FileId);
        builder.HasOne(d => d.Occupant).WithMany().HasForeignKey(d => d.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Kind).WithMany().HasForeignKey(d => d.KindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentReadConfiguration : IEntityTypeConfiguration<DocumentRead>
{
    public void Configure(EntityTypeBuilder<DocumentRead> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.HasIndex(r => new { r.DocumentId, r.At });
        builder.HasOne<OccupantDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.Fund.Documents;

/// <summary>
/// A document (invoice, contract, the owners' assembly decision, a bank slip) attached to a ledger line; the file
/// itself is a <see cref="StoredFile"/>. Never removed: the ledger line it backs is never removed either.
/// </summary>
public sealed class FundEntryDocument
{
    public int Id { get; set; }
    public int FundEntryId { get; set; }
    public Guid FileId { get; set; }
    public StoredFile? File { get; set; }
}

internal sealed class FundEntryDocumentConfiguration : IEntityTypeConfiguration<FundEntryDocument>
{
    public void Configure(EntityTypeBuilder<FundEntryDocument> builder)
    {
        builder.HasIndex(d => new { d.FundEntryId, d.FileId }).IsUnique();
        builder.HasOne<FundEntry>().WithMany().HasForeignKey(d => d.FundEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

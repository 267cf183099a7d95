using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Reception;

public enum KnowledgeCategory
{
    StandardAnswer,
    UsefulNumber,
    OfficeHours,
    FeeStandard,
}

/// <summary>An entry of the information archive (信息檔案, P3 4.1.2): a standard answer or a useful number.</summary>
public sealed class KnowledgeEntry : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public KnowledgeCategory Category { get; set; }
    public required string Title { get; set; }
    public required string Answer { get; set; }
    public string? Phone { get; set; }
    /// <summary>Extra words clerks search by, space separated.</summary>
    public string? Keywords { get; set; }
    public int Version { get; set; }
}

internal sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> builder)
    {
        builder.Property(k => k.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Title).HasMaxLength(200);
        builder.Property(k => k.Answer).HasMaxLength(2000);
        builder.Property(k => k.Phone).HasMaxLength(40);
        builder.Property(k => k.Keywords).HasMaxLength(500);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasOne<Estate>().WithMany().HasForeignKey(k => k.EstateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.EstateId, k.Category });
    }
}

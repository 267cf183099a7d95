using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Reception;

public enum ReviewKind
{
    /// <summary>The supervisor's daily review with follow-up arrangements (P3 4.2.4).</summary>
    Daily,
    /// <summary>The manager's review, at least weekly (P3 4.2.5).</summary>
    Weekly,
}

/// <summary>A review of the front-desk ledger (客服前臺臺帳) for one day or one week (Monday first).</summary>
public sealed class LedgerReview
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public ReviewKind Kind { get; set; }
    /// <summary>The day reviewed, or the Monday of the week reviewed, in estate local time.</summary>
    public DateOnly PeriodStart { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public string? ReviewerId { get; set; }
    public required string ReviewerName { get; set; }
    /// <summary>Follow-up arrangements or guidance.</summary>
    public string? Notes { get; set; }
}

internal sealed class LedgerReviewConfiguration : IEntityTypeConfiguration<LedgerReview>
{
    public void Configure(EntityTypeBuilder<LedgerReview> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.ReviewerId).HasMaxLength(450);
        builder.Property(r => r.ReviewerName).HasMaxLength(256);
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.HasIndex(r => new { r.EstateId, r.Kind, r.PeriodStart }).IsUnique();
        builder.HasOne<Estate>().WithMany().HasForeignKey(r => r.EstateId).OnDelete(DeleteBehavior.Cascade);
    }
}

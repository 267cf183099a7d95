using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

public enum DisclosureStatus
{
    Draft,
    Approved,
    /// <summary>On the notice board and sent to all occupants: frozen. A correction is a new revision.</summary>
    Published,
}

public enum DisclosureLineKind
{
    Income,
    Expenditure,
}

/// <summary>
/// The semiannual income and expenditure statement of the management fee (P1§7.6) for one half-year ("2026-H2"),
/// drafted by its duty from the books, completed by Finance, approved by the Manager and published. Unique on
/// (estate, half-year, revision).
/// </summary>
public sealed class Disclosure : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public required string HalfYear { get; set; }
    public int Revision { get; set; } = 1;
    public DisclosureStatus Status { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; }
    public List<DisclosureLine> Lines { get; set; } = [];
}

public sealed class DisclosureLine
{
    public int Id { get; set; }
    public int DisclosureId { get; set; }
    public DisclosureLineKind Kind { get; set; }
    /// <summary>e.g. "物业管理费收入", "人员工资", "清洁绿化", "公共能耗".</summary>
    public required string Category { get; set; }
    public decimal Amount { get; set; }
    public string? Note { get; set; }
    public int Order { get; set; }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.Property(d => d.HalfYear).HasMaxLength(7);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Notes).HasMaxLength(2000);
        builder.Property(d => d.ApprovedBy).HasMaxLength(256);
        builder.Property(d => d.PublishedBy).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.EstateId, d.HalfYear, d.Revision }).IsUnique();
        builder.HasOne<Estate>().WithMany().HasForeignKey(d => d.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DisclosureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisclosureLineConfiguration : IEntityTypeConfiguration<DisclosureLine>
{
    public void Configure(EntityTypeBuilder<DisclosureLine> builder)
    {
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(l => l.Category).HasMaxLength(100);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Note).HasMaxLength(500);
    }
}

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
    /// <summary>A fund statement's opening or closing balance (category "fund-opening" / "fund-closing").</summary>
    Balance,
    /// <summary>One of a fund statement's main works: its usage item, amount and "paid on · payee · purpose" as the note.</summary>
    MainWork,
    /// <summary>A month of a fund statement's half-year ("2026-01") and its reconciliation state (the note), amount 0.</summary>
    Month,
}

/// <summary>What a semiannual statement discloses: the management fee's income and expenditure (P1§7.6) or a
/// maintenance fund account (P1§8.5). One mechanism for both: drafted by a duty, approved, published, frozen, revised.</summary>
public enum DisclosureKind
{
    Fees,
    Fund,
}

/// <summary>
/// The semiannual income and expenditure statement of the management fee (P1§7.6) for one half-year ("2026-H2"),
/// drafted by its duty from the books, completed by Finance, approved by the Manager and published; or, with a
/// <see cref="FundAccountId"/>, a maintenance fund account's statement (P1§8.5) whose lines are worked out from the
/// fund's ledger. Unique on (estate, subject, half-year, revision).
/// </summary>
public sealed class Disclosure : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    /// <summary>The fund account a fund statement discloses; null for the management fee's statement.</summary>
    public int? FundAccountId { get; set; }
    /// <summary>What is disclosed, as the unique key has it: "fees", or "fund:12" for fund account 12.</summary>
    public string Subject { get; set; } = FeesSubject;
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

    public const string FeesSubject = "fees";

    public DisclosureKind Kind => FundAccountId is null ? DisclosureKind.Fees : DisclosureKind.Fund;

    public static string FundSubject(int fundAccountId) => "fund:" + fundAccountId.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
        builder.Property(d => d.Subject).HasMaxLength(24).HasDefaultValue(Disclosure.FeesSubject);
        builder.Ignore(d => d.Kind);
        builder.HasIndex(d => new { d.EstateId, d.Subject, d.HalfYear, d.Revision }).IsUnique();
        builder.HasOne<Estate>().WithMany().HasForeignKey(d => d.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund.FundAccount>().WithMany().HasForeignKey(d => d.FundAccountId).OnDelete(DeleteBehavior.Restrict);
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

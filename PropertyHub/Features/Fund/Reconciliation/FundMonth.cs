using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// A month of an account's reconciliation (P1§8.4), opened by the duty on the 5th or by the first statement imported
/// for it; closed when the ledger balance at its end equals the statement's closing balance. A closed month is locked:
/// nothing dated in it is recorded any more. Unique on (account, month).
/// </summary>
public sealed class FundMonth : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FundAccountId { get; set; }
    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>The balance both sides agreed on when the month was closed.</summary>
    public decimal? ClosingBalance { get; set; }
    public int Version { get; set; }

    public bool IsClosed => ClosedAt is not null;

    public static DateOnly Of(DateOnly date) => new(date.Year, date.Month, 1);
}

internal sealed class FundMonthConfiguration : IEntityTypeConfiguration<FundMonth>
{
    public void Configure(EntityTypeBuilder<FundMonth> builder)
    {
        builder.Property(m => m.OpenedBy).HasMaxLength(256);
        builder.Property(m => m.ClosedBy).HasMaxLength(256);
        builder.Property(m => m.ClosingBalance).HasPrecision(18, 2);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.FundAccountId, m.Month }).IsUnique();
        builder.HasOne<FundAccount>().WithMany().HasForeignKey(m => m.FundAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

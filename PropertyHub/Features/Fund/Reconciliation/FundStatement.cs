using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// A month's bank statement as imported, with its lines. One per account and month (unique): importing the same
/// statement again, or another file for a month already imported, is refused and nothing is added.
/// </summary>
public sealed class FundStatement : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FundAccountId { get; set; }
    /// <summary>The first day of the month the statement's lines fall in.</summary>
    public DateOnly Month { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the file, hex: names the very file that was read.</summary>
    public required string Fingerprint { get; set; }
    /// <summary>The original file as the bank gave it, kept in the shared file store.</summary>
    public Guid? FileId { get; set; }
    /// <summary>The bank's balance after the month's last line.</summary>
    public decimal ClosingBalance { get; set; }
    public int Lines { get; set; }
    public required string ImportedBy { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One line of an imported statement: money in positive, money out negative. Matched when ledger lines point at it
/// (<see cref="FundEntry.StatementLineId"/>: one, or several when the bank paid them in one transfer).
/// </summary>
public sealed class FundStatementLine : IVersioned
{
    public int Id { get; set; }
    public int FundStatementId { get; set; }
    public int FundAccountId { get; set; }
    /// <summary>The row of the file it was read from.</summary>
    public int Row { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public decimal? Balance { get; set; }
    public string? Reference { get; set; }
    public string? Counterparty { get; set; }
    public string? Summary { get; set; }
    /// <summary>Set when matched: who and when.</summary>
    public string? MatchedBy { get; set; }
    public DateTimeOffset? MatchedAt { get; set; }
    /// <summary>Matched by <see cref="StatementMatcher"/> at import rather than by hand.</summary>
    public bool AutoMatched { get; set; }
    public int Version { get; set; }
}

internal sealed class FundStatementConfiguration : IEntityTypeConfiguration<FundStatement>
{
    public void Configure(EntityTypeBuilder<FundStatement> builder)
    {
        builder.Property(s => s.FileName).HasMaxLength(200);
        builder.Property(s => s.Fingerprint).HasMaxLength(64);
        builder.Property(s => s.ClosingBalance).HasPrecision(18, 2);
        builder.Property(s => s.ImportedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.FundAccountId, s.Month }).IsUnique();
        builder.HasOne<Files.StoredFile>().WithMany().HasForeignKey(s => s.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundAccount>().WithMany().HasForeignKey(s => s.FundAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundStatementLineConfiguration : IEntityTypeConfiguration<FundStatementLine>
{
    public void Configure(EntityTypeBuilder<FundStatementLine> builder)
    {
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Balance).HasPrecision(18, 2);
        builder.Property(l => l.Reference).HasMaxLength(100);
        builder.Property(l => l.Counterparty).HasMaxLength(100);
        builder.Property(l => l.Summary).HasMaxLength(200);
        builder.Property(l => l.MatchedBy).HasMaxLength(256);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.FundStatementId, l.Row });
        builder.HasIndex(l => new { l.FundAccountId, l.Date });
        builder.HasOne<FundStatement>().WithMany().HasForeignKey(l => l.FundStatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

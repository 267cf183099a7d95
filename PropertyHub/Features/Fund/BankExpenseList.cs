using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Fund;

/// <summary>
/// A list of approved, unpaid expenditures handed to the custodian bank (P1§8.3), numbered per account and year
/// without gaps ("ZJ2026-003"): the unique key on (account, year, sequence) stops two lists taking one number.
/// </summary>
public sealed class BankExpenseList : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FundAccountId { get; set; }
    public int Year { get; set; }
    public int Seq { get; set; }
    public required string Number { get; set; }
    public decimal Total { get; set; }
    public int Lines { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Version { get; set; }

    public static string Format(int year, int seq) => FormattableString.Invariant($"ZJ{year}-{seq:000}");
}

internal sealed class BankExpenseListConfiguration : IEntityTypeConfiguration<BankExpenseList>
{
    public void Configure(EntityTypeBuilder<BankExpenseList> builder)
    {
        builder.Property(l => l.Number).HasMaxLength(20);
        builder.Property(l => l.Total).HasPrecision(18, 2);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.SubmittedBy).HasMaxLength(256);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.FundAccountId, l.Year, l.Seq }).IsUnique();
        builder.HasOne<FundAccount>().WithMany().HasForeignKey(l => l.FundAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fund;

/// <summary>
/// An estate's maintenance fund (維修基金, P1§8) as kept at its custodian bank (開戶銀行): the account the ledger, the
/// bank expense lists and the monthly reconciliation belong to. The balance starts from the opening balance on the
/// opening date; entries dated before it are refused. Unique on the account number.
/// </summary>
public sealed class FundAccount : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public required string BankName { get; set; }
    /// <summary>ASCII digits only; shown masked (<see cref="FundRules.Mask"/>).</summary>
    public required string AccountNumber { get; set; }
    public decimal OpeningBalance { get; set; }
    public DateOnly OpeningDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class FundAccountConfiguration : IEntityTypeConfiguration<FundAccount>
{
    public void Configure(EntityTypeBuilder<FundAccount> builder)
    {
        builder.Property(a => a.BankName).HasMaxLength(100);
        builder.Property(a => a.AccountNumber).HasMaxLength(32);
        builder.Property(a => a.OpeningBalance).HasPrecision(18, 2);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.AccountNumber).IsUnique();
        builder.HasIndex(a => a.EstateId);
        builder.HasOne<Estate>().WithMany().HasForeignKey(a => a.EstateId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// The statement column mapping Finance chose for a bank (by the fund account's bank name), offered again for the
/// next statement of any account at that bank. One per bank: saving again replaces it.
/// </summary>
public sealed class FundBankMapping : IVersioned
{
    public const int MaxBankName = 100;
    public const int MaxMapping = 2000;

    public int Id { get; set; }
    /// <summary>The bank's name as the fund account spells it, trimmed.</summary>
    public required string BankName { get; set; }
    /// <summary>Field=header pairs, one a line ("Date=记账日"): <see cref="StatementColumnMap"/> reads and writes it.</summary>
    public required string Mapping { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class FundBankMappingConfiguration : IEntityTypeConfiguration<FundBankMapping>
{
    public void Configure(EntityTypeBuilder<FundBankMapping> builder)
    {
        builder.Property(m => m.BankName).HasMaxLength(FundBankMapping.MaxBankName);
        builder.Property(m => m.Mapping).HasMaxLength(FundBankMapping.MaxMapping);
        builder.Property(m => m.SavedBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.BankName).IsUnique();
    }
}

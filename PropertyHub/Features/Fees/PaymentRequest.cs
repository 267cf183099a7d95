using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

public enum RequestLineKind
{
    Fee,
    /// <summary>A paid service (有償服務) the occupant signed for that month.</summary>
    PaidService,
    /// <summary>What earlier requests still owe, brought forward as its own line.</summary>
    Arrears,
}

/// <summary>
/// A payment request (付款請求書, P1§7.3) to a unit's payer for one month, due on the 20th. Unique on (unit, month).
/// <see cref="Paid"/> is the sum of what payments have been allocated to it.
/// </summary>
public sealed class PaymentRequest : IVersioned
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public int BuildingId { get; set; }
    public int UnitId { get; set; }
    /// <summary>The payer: the owner, or the tenant where the unit is let and the tenant pays.</summary>
    public int OccupantId { get; set; }
    /// <summary>The first day of the month billed.</summary>
    public DateOnly Month { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public decimal Total { get; set; }
    public decimal Paid { get; set; }
    public int Version { get; set; }
    public List<PaymentRequestLine> Lines { get; set; } = [];

    public decimal Outstanding => Total - Paid;
}

public sealed class PaymentRequestLine
{
    public int Id { get; set; }
    public int PaymentRequestId { get; set; }
    public RequestLineKind Kind { get; set; }
    public int? FeeItemId { get; set; }
    public required string Description { get; set; }
    /// <summary>A paid service's type as a phrase (<see cref="PaidService.TypePhrase"/>), read in the reader's language; null otherwise.</summary>
    public string? Phrase { get; set; }
    /// <summary>m² for per-area fees, 1 otherwise.</summary>
    public decimal Quantity { get; set; }
    public decimal Rate { get; set; }
    public decimal Amount { get; set; }
    /// <summary>
    /// Where the unit changed owner inside the month: the owner who owned the days this line charges (from the title
    /// records); null otherwise.
    /// </summary>
    public int? OwnerId { get; set; }
}

internal sealed class PaymentRequestConfiguration : IEntityTypeConfiguration<PaymentRequest>
{
    public void Configure(EntityTypeBuilder<PaymentRequest> builder)
    {
        builder.Property(r => r.Total).HasPrecision(18, 2);
        builder.Property(r => r.Paid).HasPrecision(18, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Outstanding);
        builder.HasIndex(r => new { r.UnitId, r.Month }).IsUnique();
        builder.HasIndex(r => new { r.EstateId, r.Month });
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.PaymentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Estate>().WithMany().HasForeignKey(r => r.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Building>().WithMany().HasForeignKey(r => r.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(r => r.OccupantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentRequestLineConfiguration : IEntityTypeConfiguration<PaymentRequestLine>
{
    public void Configure(EntityTypeBuilder<PaymentRequestLine> builder)
    {
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(l => l.Description).HasMaxLength(200);
        builder.Property(l => l.Phrase).HasMaxLength(1000);
        builder.Property(l => l.Quantity).HasPrecision(18, 2);
        builder.Property(l => l.Rate).HasPrecision(18, 2);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.HasOne<FeeItem>().WithMany().HasForeignKey(l => l.FeeItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

/// <summary>
/// A paid service (有償服務, P1§7.4) done for an occupant: confirmed by their signature after the service, then billed
/// once in the next monthly payment request. Unsigned services are never billed.
/// </summary>
public sealed class PaidService : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public int UnitId { get; set; }
    public int OccupantId { get; set; }
    /// <summary>What was done, e.g. "更换水龙头".</summary>
    public required string ServiceType { get; set; }
    /// <summary>
    /// A service type made by the app (a paid repair), kept as a phrase (resource family, key, arguments) so each reader's
    /// bill names it in their language; null for a type staff typed, which reads as typed.
    /// </summary>
    public string? TypePhrase { get; set; }
    public string? Description { get; set; }
    public decimal Price { get; set; }
    public DateOnly ServiceDate { get; set; }
    public required string StaffName { get; set; }
    /// <summary>The occupant's signature as an SVG path drawn on the tablet; null until signed.</summary>
    public string? Signature { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    /// <summary>The member of staff who saw the occupant sign.</summary>
    public string? WitnessedBy { get; set; }
    /// <summary>The payment request that bills it; set once, in that request's transaction.</summary>
    public int? PaymentRequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class PaidServiceConfiguration : IEntityTypeConfiguration<PaidService>
{
    public void Configure(EntityTypeBuilder<PaidService> builder)
    {
        builder.Property(s => s.ServiceType).HasMaxLength(100);
        builder.Property(s => s.Description).HasMaxLength(500);
        builder.Property(s => s.TypePhrase).HasMaxLength(1000);
        builder.Property(s => s.Price).HasPrecision(18, 2);
        builder.Property(s => s.StaffName).HasMaxLength(256);
        builder.Property(s => s.Signature).HasMaxLength(100_000);
        builder.Property(s => s.WitnessedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.UnitId, s.PaymentRequestId });
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(s => s.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaymentRequest>().WithMany().HasForeignKey(s => s.PaymentRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

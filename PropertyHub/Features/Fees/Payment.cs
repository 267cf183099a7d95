using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

public enum PaymentMethod
{
    Cash,
    BankTransfer,
    WeChatPay,
    Alipay,
    Card,
}

/// <summary>
/// Money received for a unit, with its receipt (收據, P1§7.2): numbered per estate and year without gaps. Never
/// deleted: a mistake is undone by a reversal — a payment of the opposite amount with its own receipt number,
/// pointing at the one it reverses, with the reason.
/// </summary>
public sealed class Payment : IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public int UnitId { get; set; }
    public int? OccupantId { get; set; }
    /// <summary>Positive for money received; negative for a reversal.</summary>
    public decimal Amount { get; set; }
    public PaymentMethod Method { get; set; }
    /// <summary>Bank, WeChat Pay, Alipay or card transaction reference.</summary>
    public string? Reference { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    public int ReceiptYear { get; set; }
    public int ReceiptSeq { get; set; }
    /// <summary>e.g. "R2026-000042".</summary>
    public required string ReceiptNumber { get; set; }
    public int? ReversalOfId { get; set; }
    public string? Reason { get; set; }
    public List<PaymentAllocation> Allocations { get; set; } = [];
}

/// <summary>The part of a payment applied to a request (negative when a reversal takes it back).</summary>
public sealed class PaymentAllocation
{
    public int Id { get; set; }
    public int PaymentId { get; set; }
    public int PaymentRequestId { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>The last receipt number given in an estate in a year; incremented in the payment's transaction, so no gaps.</summary>
public sealed class ReceiptCounter
{
    public int EstateId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.ReceivedBy).HasMaxLength(256);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(20);
        builder.Property(p => p.Reason).HasMaxLength(500);
        builder.HasIndex(p => new { p.EstateId, p.ReceiptYear, p.ReceiptSeq }).IsUnique();
        builder.HasIndex(p => p.ReceiptNumber);
        builder.HasIndex(p => new { p.UnitId, p.ReceivedAt });
        // A payment is reversed at most once.
        builder.HasIndex(p => p.ReversalOfId).IsUnique();
        builder.HasOne<Payment>().WithMany().HasForeignKey(p => p.ReversalOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Estate>().WithMany().HasForeignKey(p => p.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(p => p.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> builder)
    {
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.HasIndex(a => a.PaymentRequestId);
        builder.HasOne<PaymentRequest>().WithMany().HasForeignKey(a => a.PaymentRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> builder)
    {
        builder.HasKey(c => new { c.EstateId, c.Year });
        builder.HasOne<Estate>().WithMany().HasForeignKey(c => c.EstateId).OnDelete(DeleteBehavior.Restrict);
    }
}

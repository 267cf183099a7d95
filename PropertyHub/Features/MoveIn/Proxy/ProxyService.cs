using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.MoveIn;

public enum ProxyServiceStatus
{
    /// <summary>Agreed at the counter; the 代辦服務委託書 is not signed yet.</summary>
    Requested,
    /// <summary>Signed: the staff work on it until the promised date.</summary>
    InProgress,
    Done,
}

/// <summary>
/// A proxy service (代辦服務, P1§4.4): something the management does for the owner (open the electricity and water
/// accounts, the gas, the network …) for the fee agreed, by the promised date, on the 代辦服務委託書 the owner signs on
/// the tablet. Past the promised date and not done, it is late: once, a queue item escalates it. When done its fee is
/// billed once, as a paid service on the next payment request (<see cref="PaidServiceId"/>).
/// </summary>
public sealed class ProxyService : IVersioned, IAudited
{
    public const int KindMax = 100;
    public const int DescriptionMax = 500;

    public int Id { get; set; }
    public int EstateId { get; set; }
    public int UnitId { get; set; }
    public int OccupantId { get; set; }
    /// <summary>What is done, e.g. "燃气开户".</summary>
    public required string Kind { get; set; }
    public string? Description { get; set; }
    public decimal Fee { get; set; }
    public DateOnly PromisedOn { get; set; }
    public ProxyServiceStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    /// <summary>The owner's signature on the 代辦服務委託書 (SVG path data from the kiosk pad).</summary>
    public string? Signature { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public string? WitnessedBy { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    /// <summary>The queue item that escalated it when it was late; set once.</summary>
    public int? LateRequestId { get; set; }
    public Reception.ServiceRequest? LateRequest { get; set; }
    /// <summary>The paid service that bills its fee; set once, when done.</summary>
    public int? PaidServiceId { get; set; }
    public Fees.PaidService? PaidService { get; set; }
    public int Version { get; set; }
    public List<ProxyServiceNote> Notes { get; set; } = [];

    public bool IsLate(DateOnly today) => Status != ProxyServiceStatus.Done && PromisedOn < today;
}

/// <summary>A note of progress on a proxy service (who, when, what).</summary>
public sealed class ProxyServiceNote
{
    public const int TextMax = 500;

    public int Id { get; set; }
    public int ProxyServiceId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Text { get; set; }
}

internal sealed class ProxyServiceConfiguration : IEntityTypeConfiguration<ProxyService>
{
    public void Configure(EntityTypeBuilder<ProxyService> builder)
    {
        builder.Property(p => p.Kind).HasMaxLength(ProxyService.KindMax);
        builder.Property(p => p.Description).HasMaxLength(ProxyService.DescriptionMax);
        builder.Property(p => p.Fee).HasPrecision(18, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.RequestedBy).HasMaxLength(256);
        builder.Property(p => p.Signature).HasMaxLength(100_000);
        builder.Property(p => p.WitnessedBy).HasMaxLength(256);
        builder.Property(p => p.DoneBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Status, p.PromisedOn });
        builder.HasIndex(p => p.UnitId);
        builder.HasIndex(p => p.PaidServiceId).IsUnique();
        builder.HasIndex(p => p.LateRequestId).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(p => p.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.PaidService).WithMany().HasForeignKey(p => p.PaidServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.LateRequest).WithMany().HasForeignKey(p => p.LateRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Notes).WithOne().HasForeignKey(n => n.ProxyServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProxyServiceNoteConfiguration : IEntityTypeConfiguration<ProxyServiceNote>
{
    public void Configure(EntityTypeBuilder<ProxyServiceNote> builder)
    {
        builder.Property(n => n.By).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(ProxyServiceNote.TextMax);
    }
}

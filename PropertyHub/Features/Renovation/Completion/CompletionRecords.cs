using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Renovation;

/// <summary>A patrol of the works (裝修巡查, P1§9.5): when, by whom, what was found; a finding may be a violation.</summary>
public sealed class RenovationPatrol : IAudited
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public DateTimeOffset PatrolledAt { get; set; }
    public required string PatrolledBy { get; set; }
    public required string Findings { get; set; }
    public bool IsViolation { get; set; }
}

/// <summary>The items of the common parts looked at when the works are over (竣工驗收).</summary>
public enum CompletionCheck
{
    Structure,
    FacadeAndWindows,
    Waterproofing,
    CommonCorridors,
    LiftsAndStairs,
    FireAndSafety,
    PipesAndDrains,
    DebrisCleared,
}

/// <summary>
/// The completion inspection of structure and common facilities: one per renovation, with its photos (documents of
/// kind <see cref="RenovationDocumentKind.InspectionPhoto"/>) and the damage found with its charge, kept of the deposit.
/// </summary>
public sealed class RenovationInspection : IAudited
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public DateTimeOffset InspectedAt { get; set; }
    public required string InspectedBy { get; set; }
    /// <summary>The checklist items found not in order, comma-separated <see cref="CompletionCheck"/> names.</summary>
    public string? FailedChecks { get; set; }
    /// <summary>The damage found, as described; null when there is none.</summary>
    public string? Damage { get; set; }
    /// <summary>What the damage costs the owner, in CNY; 0 without damage.</summary>
    public decimal Charge { get; set; }
}

public enum RenovationAlertKind
{
    /// <summary>The permit ends within three days.</summary>
    PermitExpiring,
    /// <summary>A pass ends within three days.</summary>
    PassExpiring,
    /// <summary>The works run past their planned end without a completion inspection.</summary>
    WorksOverdue,
    /// <summary>Passes still out three days after the completion inspection.</summary>
    PassesNotReturned,
}

/// <summary>
/// What the renovation duty raised once about one subject: unique on <see cref="Key"/>, saved with its notices and
/// its queue item in one save, so a second run (another instance, a catch-up after downtime) adds nothing.
/// </summary>
public sealed class RenovationAlert
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public RenovationAlertKind Kind { get; set; }
    /// <summary>e.g. "permit-expiring:12" or "pass-expiring:40".</summary>
    public required string Key { get; set; }
    /// <summary>The duty's day (estate time) that raised it.</summary>
    public DateOnly Day { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public int ServiceRequestId { get; set; }
}

internal sealed class RenovationPatrolConfiguration : IEntityTypeConfiguration<RenovationPatrol>
{
    public void Configure(EntityTypeBuilder<RenovationPatrol> builder)
    {
        builder.Property(p => p.PatrolledBy).HasMaxLength(256);
        builder.Property(p => p.Findings).HasMaxLength(RenovationRules.ReasonsMax);
        builder.HasIndex(p => new { p.ApplicationId, p.Id });
        builder.HasOne<RenovationApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationInspectionConfiguration : IEntityTypeConfiguration<RenovationInspection>
{
    public void Configure(EntityTypeBuilder<RenovationInspection> builder)
    {
        builder.Property(i => i.InspectedBy).HasMaxLength(256);
        builder.Property(i => i.FailedChecks).HasMaxLength(200);
        builder.Property(i => i.Damage).HasMaxLength(RenovationRules.ReasonsMax);
        builder.Property(i => i.Charge).HasPrecision(18, 2);
        // One inspection per renovation: a second one (a double click, two inspectors) fails on the key.
        builder.HasIndex(i => i.ApplicationId).IsUnique();
        builder.HasOne<RenovationApplication>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationAlertConfiguration : IEntityTypeConfiguration<RenovationAlert>
{
    public void Configure(EntityTypeBuilder<RenovationAlert> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Key).HasMaxLength(60);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => a.ApplicationId);
        builder.HasOne<RenovationApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(a => a.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// How often a recurring job without periods (the escalation sweep, the notice delivery) has run, and how its last
/// run ended: one row per job, counted by <see cref="JobTallyFilter"/> as Hangfire performs it. Kept in the app's
/// database, so the duties page shows the same on every instance and after a restart.
/// </summary>
public sealed class JobTally
{
    /// <summary>The recurring job's id, e.g. "reception-escalation".</summary>
    public required string JobId { get; set; }
    public long Runs { get; set; }
    public long Failures { get; set; }
    /// <summary>Succeeded or Failed.</summary>
    public RunStatus LastStatus { get; set; }
    public DateTimeOffset LastStartedAt { get; set; }
    public DateTimeOffset LastFinishedAt { get; set; }
    /// <summary>The last failure's exception type and message; never personal data.</summary>
    public string? LastError { get; set; }
}

internal sealed class JobTallyConfiguration : IEntityTypeConfiguration<JobTally>
{
    public void Configure(EntityTypeBuilder<JobTally> builder)
    {
        builder.HasKey(t => t.JobId);
        builder.Property(t => t.JobId).HasMaxLength(64);
        builder.Property(t => t.LastStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.LastError).HasMaxLength(2000);
    }
}

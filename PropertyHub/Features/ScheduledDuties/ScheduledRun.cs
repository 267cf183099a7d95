using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;

namespace PropertyHub.Features.ScheduledDuties;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    /// <summary>Missed while the app was down and older than the catch-up limit: not run, recorded so it is seen; may be run by hand.</summary>
    Skipped,
}

/// <summary>
/// One run of a scheduled duty for one period. Unique on (duty, period): the row is the claim that makes a
/// duty exactly-once in effect, however often Hangfire, a catch-up or a person starts it.
/// </summary>
public sealed class ScheduledRun : IVersioned
{
    public int Id { get; set; }
    public required string Duty { get; set; }
    public required string Period { get; set; }
    public RunStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>How many artifacts the run produced (backups written, requests issued …).</summary>
    public int Count { get; set; }
    /// <summary>The failure's exception type and message, for the duties page; never personal data.</summary>
    public string? Error { get; set; }
    public int Version { get; set; }
}

internal sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<ScheduledRun> builder)
    {
        builder.Property(r => r.Duty).HasMaxLength(64);
        builder.Property(r => r.Period).HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Duty, r.Period }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.Audit;

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}

/// <summary>One change to one record: who, when, and each field's old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public AuditAction Action { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
    public List<AuditChange> Changes { get; set; } = [];
}

public sealed class AuditChange
{
    public required string Field { get; set; }
    public string? Old { get; set; }
    public string? New { get; set; }
    public bool IsPersonal { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.OwnsMany(a => a.Changes, c =>
        {
            c.ToJson();
        });
    }
}

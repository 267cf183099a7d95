using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Notices;

/// <summary>How a notice reaches its reader.</summary>
public enum NoticeChannel
{
    /// <summary>A printed A4 letter in its building's print batch, delivered by hand.</summary>
    Letter,
    Email,
    Sms,
    /// <summary>The estate's in-app notice board, for everyone.</summary>
    Board,
}

public enum NoticeStatus
{
    Pending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>
/// One notice to one recipient through one channel: the outbox row. It is stored in the same transaction as
/// the record that causes it, unique on (kind, source, channel, recipient) so a second copy cannot exist, and
/// then delivered by the delivery duty with retries.
/// </summary>
public sealed class Notice : IVersioned
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    /// <summary>What the notice is about: "survey", "payment-request", "disclosure", "escalation" …</summary>
    public required string Kind { get; set; }
    /// <summary>The record that caused it, e.g. "survey:2026-Q4:118".</summary>
    public required string SourceKey { get; set; }
    public NoticeChannel Channel { get; set; }
    /// <summary>"occupant:42" for a person's notice, "estate:1" for the notice board.</summary>
    public required string RecipientKey { get; set; }
    public int? OccupantId { get; set; }
    /// <summary>E-mail address or phone number the notice goes to; null for letters and the board.</summary>
    public string? Address { get; set; }
    /// <summary>For letters: the building whose print batch holds it.</summary>
    public int? BuildingId { get; set; }
    /// <summary>Culture the text is written in (the occupant's preferred language).</summary>
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>
    /// The reader's personal link (survey, payment request), sealed by <see cref="NoticeLinks"/>, while a channel still
    /// needs it: cleared once the e-mail or SMS is sent, the letter marked delivered or the link revoked. Null otherwise.
    /// </summary>
    public string? SealedLink { get; set; }
    public NoticeStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the delivery duty should try next; null once sent, failed for good or cancelled.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The last delivery error (type and message from the channel); never the message body.</summary>
    public string? LastError { get; set; }
    public int Version { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.SourceKey).HasMaxLength(100);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(n => n.RecipientKey).HasMaxLength(40);
        builder.Property(n => n.Address).HasMaxLength(254);
        builder.Property(n => n.Language).HasMaxLength(8);
        builder.Property(n => n.Subject).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(8000);
        builder.Property(n => n.SealedLink).HasMaxLength(1000);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.Version).IsConcurrencyToken();
        // The key that makes a second copy impossible, whatever runs twice.
        builder.HasIndex(n => new { n.Kind, n.SourceKey, n.Channel, n.RecipientKey }).IsUnique();
        // The delivery duty's work list.
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => new { n.OccupantId, n.CreatedAt });
        builder.HasIndex(n => new { n.EstateId, n.Channel, n.BuildingId, n.Status });
        // The notices list: newest first, filtered by one of these (see NoticeService.PageAsync, bench/NoticesFirstPage).
        builder.HasIndex(n => new { n.Status, n.Id });
        builder.HasIndex(n => new { n.Channel, n.Id });
        builder.HasIndex(n => new { n.Kind, n.Id });
        builder.HasOne<Estate>().WithMany().HasForeignKey(n => n.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(n => n.OccupantId).OnDelete(DeleteBehavior.Restrict);
    }
}

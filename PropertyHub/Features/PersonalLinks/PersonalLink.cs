using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.PersonalLinks;

/// <summary>
/// A personal link for one occupant and one purpose (answer a survey; later, view a payment request). The token
/// itself travels only in the notice that carries it; this row keeps its SHA-256 hash, so the table cannot be
/// turned back into working links. A link expires, can be revoked, and is spent once its purpose is done.
/// </summary>
public sealed class PersonalLink : IVersioned
{
    public int Id { get; set; }
    /// <summary>What the link opens: <see cref="LinkPurpose.Survey"/> …</summary>
    public required string Purpose { get; set; }
    /// <summary>The record it opens (a survey's id for <see cref="LinkPurpose.Survey"/>).</summary>
    public int SubjectId { get; set; }
    public int OccupantId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    /// <summary>When the purpose was done through it (a survey answered); a spent link opens no form again.</summary>
    public DateTimeOffset? UsedAt { get; set; }
    public int Version { get; set; }
}

public static class LinkPurpose
{
    public const string Survey = "survey";
    public const string PaymentRequest = "payment";
}

internal sealed class PersonalLinkConfiguration : IEntityTypeConfiguration<PersonalLink>
{
    public void Configure(EntityTypeBuilder<PersonalLink> builder)
    {
        builder.Property(l => l.Purpose).HasMaxLength(16);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.Property(l => l.RevokedBy).HasMaxLength(256);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.Purpose, l.SubjectId });
        builder.HasOne<Occupant>().WithMany().HasForeignKey(l => l.OccupantId).OnDelete(DeleteBehavior.Restrict);
    }
}

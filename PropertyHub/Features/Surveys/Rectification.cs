using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Surveys;

public enum RectificationStatus
{
    Open,
    /// <summary>The responsible person says it is done, with evidence; waits for the manager.</summary>
    Done,
    /// <summary>The manager has signed it off: closed.</summary>
    SignedOff,
}

/// <summary>
/// A rectification action (整改, P1§11.3) for one item a form scored 1 or 2. Created with the answer, in its
/// transaction, unique on the score; tracked until the manager signs it off.
/// </summary>
public sealed class Rectification : IVersioned, IAudited
{
    public int Id { get; set; }
    public int SurveyScoreId { get; set; }
    public SurveyScore? SurveyScore { get; set; }
    public int SurveyId { get; set; }
    public int ItemId { get; set; }
    public int EstateId { get; set; }
    public int BuildingId { get; set; }
    public int UnitId { get; set; }
    public required string Quarter { get; set; }
    public int Score { get; set; }
    public Department Department { get; set; }
    public string? ResponsiblePerson { get; set; }
    /// <summary>Estate local date by which it must be done.</summary>
    public DateOnly DueDate { get; set; }
    public RectificationStatus Status { get; set; }
    /// <summary>What will be or was done.</summary>
    public string? Measure { get; set; }
    /// <summary>What shows it was done (photos filed, inspection, the occupant's word).</summary>
    public string? EvidenceNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? SignedOffBy { get; set; }
    public DateTimeOffset? SignedOffAt { get; set; }
    public int Version { get; set; }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> builder)
    {
        builder.Property(r => r.Quarter).HasMaxLength(7);
        builder.Property(r => r.Department).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.ResponsiblePerson).HasMaxLength(100);
        builder.Property(r => r.Measure).HasMaxLength(1000);
        builder.Property(r => r.EvidenceNote).HasMaxLength(1000);
        builder.Property(r => r.SignedOffBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.SurveyScoreId).IsUnique();
        builder.HasIndex(r => new { r.EstateId, r.Status, r.DueDate });
        builder.HasOne(r => r.SurveyScore).WithMany().HasForeignKey(r => r.SurveyScoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

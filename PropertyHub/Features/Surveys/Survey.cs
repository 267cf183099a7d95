using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Surveys;

public enum SurveyStatus
{
    Issued,
    Answered,
}

/// <summary>How an answer came back: through the occupant's personal link, or on the paper form typed in by a clerk.</summary>
public sealed class AnswerChannel
{
    public const string Online = "Online";
    public const string Paper = "Paper";
}

/// <summary>
/// One evaluation form (業戶評議表) issued to one unit for one quarter, and its answer. Unique on (unit, quarter):
/// the quarterly duty cannot issue a unit's form twice, whatever runs twice.
/// </summary>
public sealed class Survey : IVersioned
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public int BuildingId { get; set; }
    public int UnitId { get; set; }
    /// <summary>The occupant the form is addressed to (the tenant who lives there, else the owner).</summary>
    public int OccupantId { get; set; }
    /// <summary>e.g. "2026-Q4".</summary>
    public required string Quarter { get; set; }
    public int TemplateId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public SurveyStatus Status { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary><see cref="AnswerChannel.Online"/> or <see cref="AnswerChannel.Paper"/>.</summary>
    public string? AnsweredVia { get; set; }
    /// <summary>The clerk who typed in a paper form.</summary>
    public string? EnteredBy { get; set; }
    public string? Comment { get; set; }
    public string? Suggestion { get; set; }
    public int Version { get; set; }
    public List<SurveyScore> Scores { get; set; } = [];
}

/// <summary>One item's score on one answered form: 1 (very dissatisfied) to 5 (very satisfied).</summary>
public sealed class SurveyScore
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int ItemId { get; set; }
    public int Score { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.Quarter).HasMaxLength(7);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.AnsweredVia).HasMaxLength(8);
        builder.Property(s => s.EnteredBy).HasMaxLength(256);
        builder.Property(s => s.Comment).HasMaxLength(1000);
        builder.Property(s => s.Suggestion).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.UnitId, s.Quarter }).IsUnique();
        builder.HasIndex(s => new { s.EstateId, s.Quarter, s.Status });
        builder.HasMany(s => s.Scores).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Estate>().WithMany().HasForeignKey(s => s.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Building>().WithMany().HasForeignKey(s => s.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(s => s.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyScoreConfiguration : IEntityTypeConfiguration<SurveyScore>
{
    public void Configure(EntityTypeBuilder<SurveyScore> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_SurveyScores_Score", "\"Score\" BETWEEN 1 AND 5"));
        builder.HasIndex(x => new { x.SurveyId, x.ItemId }).IsUnique();
        builder.HasIndex(x => x.ItemId);
        builder.HasOne<SurveyItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Surveys;

public enum FollowUpMethod
{
    Call,
    Visit,
}

public enum FollowUpStatus
{
    Open,
    Done,
}

/// <summary>
/// A follow-up (回訪, P1§11.4) of an occupant who wrote a suggestion or opinion on the form: a call or a visit, and
/// what came of it. Created with the answer, in its transaction, one per form; listed until done.
/// </summary>
public sealed class FollowUp : IVersioned, IAudited
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int EstateId { get; set; }
    public int UnitId { get; set; }
    public int OccupantId { get; set; }
    public required string Quarter { get; set; }
    /// <summary>The occupant's words (suggestion and comment) the follow-up answers.</summary>
    public required string Opinion { get; set; }
    public FollowUpStatus Status { get; set; }
    public FollowUpMethod? Method { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public int Version { get; set; }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Quarter).HasMaxLength(7);
        builder.Property(f => f.Opinion).HasMaxLength(2100);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.Method).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.Outcome).HasMaxLength(1000);
        builder.Property(f => f.DoneBy).HasMaxLength(256);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.SurveyId).IsUnique();
        builder.HasIndex(f => new { f.EstateId, f.Status });
        builder.HasOne<Survey>().WithMany().HasForeignKey(f => f.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Registry.Occupant>().WithMany().HasForeignKey(f => f.OccupantId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Surveys.Rectifications;

/// <summary>One quarter's form of a unit: how it was answered, its average score, and the work it left open.</summary>
public sealed record UnitSurveyRow(string Quarter, SurveyStatus Status, string? AnsweredVia, double? AverageScore, int OpenRectifications, int OpenFollowUps);

/// <summary>A unit's evaluation forms, newest quarter first, for the unit page.</summary>
public sealed class UnitSurveys(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxQuarters = 8;

    public async Task<IReadOnlyList<UnitSurveyRow>> ForUnitAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Surveys.AsNoTracking()
            .Where(s => s.UnitId == unitId)
            .OrderByDescending(s => s.Quarter)
            .Take(MaxQuarters)
            .Select(s => new UnitSurveyRow(
                s.Quarter,
                s.Status,
                s.AnsweredVia,
                s.Scores.Select(x => (double?)x.Score).Average(),
                db.Rectifications.Count(r => r.SurveyId == s.Id && r.Status != RectificationStatus.SignedOff),
                db.FollowUps.Count(f => f.SurveyId == s.Id && f.Status == FollowUpStatus.Open)))
            .ToListAsync(ct);
    }
}

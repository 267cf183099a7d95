using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Surveys.Statistics;

/// <summary>
/// Response rates and satisfaction of the quarterly evaluation (P1§11.2) for one estate: the counts are grouped in the
/// database (an estate has thousands of forms a quarter); only the small grouped rows and the dissatisfied answers
/// are read into memory.
/// </summary>
public sealed class SurveyStatistics(IDbContextFactory<AppDbContext> dbFactory, EstateTime estateTime, TimeProvider clock)
{
    public const int TrendQuarters = 8;

    public async Task<IReadOnlyList<StatsEstate>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.AsNoTracking().OrderBy(e => e.Id).Select(e => new StatsEstate(e.Id, e.Name)).ToListAsync(ct);
    }

    /// <summary>The quarter the estate's calendar is in today (with no estate yet, the default zone's: see <see cref="EstateTime"/>).</summary>
    public SurveyQuarter CurrentQuarter(int? estateId) =>
        SurveyQuarter.Of(estateId is { } id ? estateTime.LocalDate(id, clock.GetUtcNow()) : estateTime.LocalDate(clock.GetUtcNow()));

    /// <summary>
    /// The quarter the statistics open on: the latest one up to the current with answers ("2026-Q3" while the Q4
    /// forms have only just gone out), else the current one.
    /// </summary>
    public async Task<SurveyQuarter> OpeningQuarterAsync(int? estateId, CancellationToken ct = default)
    {
        var current = CurrentQuarter(estateId);
        if (estateId is not { } id)
            return current;
        var upTo = current.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // "yyyy-Qn" sorts as it reads.
        var answered = await db.Surveys.AsNoTracking()
            .Where(s => s.EstateId == id && s.AnsweredAt != null && string.Compare(s.Quarter, upTo) <= 0)
            .OrderByDescending(s => s.Quarter).Select(s => s.Quarter).FirstOrDefaultAsync(ct);
        return SurveyQuarter.TryParse(answered, out var quarter) ? quarter : current;
    }

    public async Task<SurveyStats> ComputeAsync(int estateId, SurveyQuarter quarter, string culture, CancellationToken ct = default)
    {
        var period = quarter.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await ItemsAsync(db, ct);

        var forms = await db.Surveys.AsNoTracking().Where(s => s.EstateId == estateId && s.Quarter == period)
            .GroupBy(s => new { s.BuildingId, s.Status, s.AnsweredVia })
            .Select(g => new { g.Key.BuildingId, g.Key.Status, g.Key.AnsweredVia, Count = g.Count() })
            .ToListAsync(ct);
        var scores = await (
                from sc in db.SurveyScores
                join s in db.Surveys on sc.SurveyId equals s.Id
                where s.EstateId == estateId && s.Quarter == period
                select new { sc.ItemId, s.BuildingId, s.AnsweredVia, sc.Score })
            .GroupBy(x => new { x.ItemId, x.BuildingId, x.AnsweredVia })
            .Select(g => new
            {
                g.Key.ItemId,
                g.Key.BuildingId,
                g.Key.AnsweredVia,
                Count = g.Count(),
                Sum = g.Sum(x => x.Score),
                Satisfied = g.Sum(x => x.Score >= 4 ? 1 : 0),
                Dissatisfied = g.Sum(x => x.Score <= 2 ? 1 : 0),
            })
            .ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.EstateId == estateId)
            .Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);

        var scoredItems = scores.Select(s => s.ItemId).ToHashSet();
        var itemStats = items.Where(i => i.Current || scoredItems.Contains(i.Id))
            .Select(i =>
            {
                var rows = scores.Where(s => s.ItemId == i.Id).ToList();
                return new ItemStats(i.Id, i.Code, i.Item.NameIn(culture),
                    rows.Sum(r => r.Count),
                    rows.Where(r => r.AnsweredVia == AnswerChannel.Online).Sum(r => r.Count),
                    rows.Where(r => r.AnsweredVia != AnswerChannel.Online).Sum(r => r.Count),
                    rows.Sum(r => (long)r.Sum),
                    rows.Sum(r => r.Satisfied),
                    rows.Sum(r => r.Dissatisfied));
            })
            .ToList();
        var buildingStats = buildings
            .OrderBy(b => b.Code.Length).ThenBy(b => b.Code, StringComparer.Ordinal)
            .Select(b =>
            {
                var f = forms.Where(x => x.BuildingId == b.Id).ToList();
                var s = scores.Where(x => x.BuildingId == b.Id).ToList();
                return new BuildingStats(b.Id, b.Code, b.Name,
                    f.Sum(x => x.Count),
                    f.Where(x => x.Status == SurveyStatus.Answered).Sum(x => x.Count),
                    s.Sum(x => x.Count),
                    s.Sum(x => (long)x.Sum),
                    s.Sum(x => x.Satisfied));
            })
            .ToList();
        var answered = forms.Where(x => x.Status == SurveyStatus.Answered).ToList();

        return new SurveyStats(estateId, quarter,
            forms.Sum(x => x.Count),
            answered.Sum(x => x.Count),
            answered.Where(x => x.AnsweredVia == AnswerChannel.Online).Sum(x => x.Count),
            answered.Where(x => x.AnsweredVia != AnswerChannel.Online).Sum(x => x.Count),
            itemStats,
            buildingStats,
            await TrendAsync(db, estateId, quarter, items, culture, ct),
            await DissatisfiedAsync(db, estateId, period, items, culture, ct));
    }

    private sealed record ItemRow(int Id, string Code, int Order, bool Current, SurveyItem Item);

    /// <summary>Every item of every template (a handful): those of the active template are shown even without answers.</summary>
    private static async Task<List<ItemRow>> ItemsAsync(AppDbContext db, CancellationToken ct)
    {
        var active = await db.SurveyTemplates.AsNoTracking().Where(t => t.IsActive).Select(t => t.Id).ToListAsync(ct);
        var items = await db.SurveyItems.AsNoTracking().ToListAsync(ct);
        return items.Select(i => new ItemRow(i.Id, i.Code, i.Order, active.Contains(i.TemplateId) && !i.IsArchived, i))
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
    }

    private static async Task<SurveyTrend> TrendAsync(AppDbContext db, int estateId, SurveyQuarter quarter, List<ItemRow> items, string culture, CancellationToken ct)
    {
        var quarters = quarter.Trailing(TrendQuarters);
        var periods = quarters.Select(q => q.ToString()).ToList();
        var forms = await db.Surveys.AsNoTracking().Where(s => s.EstateId == estateId && periods.Contains(s.Quarter))
            .GroupBy(s => new { s.Quarter, s.Status })
            .Select(g => new { g.Key.Quarter, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var scores = await (
                from sc in db.SurveyScores
                join s in db.Surveys on sc.SurveyId equals s.Id
                where s.EstateId == estateId && periods.Contains(s.Quarter)
                select new { s.Quarter, sc.ItemId, sc.Score })
            .GroupBy(x => new { x.Quarter, x.ItemId })
            .Select(g => new { g.Key.Quarter, g.Key.ItemId, Count = g.Count(), Satisfied = g.Sum(x => x.Score >= 4 ? 1 : 0) })
            .ToListAsync(ct);
        var scored = scores.Select(s => s.ItemId).ToHashSet();
        var trendItems = items.Where(i => i.Current || scored.Contains(i.Id))
            .Select(i => new TrendItem(i.Id, i.Code, i.Item.NameIn(culture))).ToList();
        var points = quarters.Select(q =>
        {
            var period = q.ToString();
            var f = forms.Where(x => x.Quarter == period).ToList();
            var s = scores.Where(x => x.Quarter == period).ToList();
            return new TrendQuarter(q,
                f.Sum(x => x.Count),
                f.Where(x => x.Status == SurveyStatus.Answered).Sum(x => x.Count),
                s.Sum(x => x.Count),
                s.Sum(x => x.Satisfied),
                s.ToDictionary(x => x.ItemId, x => new ItemShare(x.Count, x.Satisfied)));
        }).ToList();
        return new SurveyTrend(trendItems, points);
    }

    private async Task<List<DissatisfiedAnswer>> DissatisfiedAsync(AppDbContext db, int estateId, string period, List<ItemRow> items, string culture, CancellationToken ct)
    {
        var rows = await (
                from sc in db.SurveyScores
                join s in db.Surveys on sc.SurveyId equals s.Id
                join u in db.Units on s.UnitId equals u.Id
                where s.EstateId == estateId && s.Quarter == period && sc.Score <= 2
                from r in db.Rectifications.Where(r => r.SurveyScoreId == sc.Id).DefaultIfEmpty()
                select new
                {
                    s.Id,
                    s.Quarter,
                    BuildingCode = u.Building!.Code,
                    u.Number,
                    sc.ItemId,
                    sc.Score,
                    s.Comment,
                    s.Suggestion,
                    s.AnsweredAt,
                    s.AnsweredVia,
                    Rectification = r == null ? (RectificationStatus?)null : r.Status,
                })
            .AsNoTracking()
            .ToListAsync(ct);
        var byId = items.ToDictionary(i => i.Id);
        return rows
            .OrderBy(r => r.BuildingCode.Length).ThenBy(r => r.BuildingCode, StringComparer.Ordinal)
            .ThenBy(r => r.Number.Length).ThenBy(r => r.Number, StringComparer.Ordinal)
            .ThenBy(r => byId[r.ItemId].Order).ThenBy(r => r.ItemId)
            .Select(r => new DissatisfiedAnswer(r.Id, r.Quarter, $"{r.BuildingCode}-{r.Number}", r.BuildingCode,
                byId[r.ItemId].Item.NameIn(culture), r.Score, r.Comment, r.Suggestion,
                r.AnsweredAt is { } at ? estateTime.ToLocal(estateId, at) : null, r.AnsweredVia, r.Rectification))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Surveys;

/// <summary>
/// Issues the quarter's evaluation form (P1§11.1) to every occupied unit: the survey, its personal link and its
/// notices in one transaction per batch. Exactly once per unit and quarter: the (unit, quarter) key refuses a second
/// form, so a second run, a concurrent run or the run after a crash only issues what is still missing.
/// </summary>
public sealed class SurveyIssuer(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    WritePriority writes,
    SurveyNotices notices,
    PersonalLinkService links,
    TimeProvider clock,
    IOptions<SurveyOptions> options,
    ILogger<SurveyIssuer> logger)
{
    private sealed record UnitToIssue(int UnitId, string Unit, int BuildingId, int EstateId, Occupant Addressee);

    /// <summary>Issues the quarter's forms that are still missing; returns how many it issued.</summary>
    public async Task<int> IssueAsync(SurveyQuarter quarter, CancellationToken cancellationToken)
    {
        await permissions.DemandAsync(Can.IssueSurveys, cancellationToken);
        var period = quarter.ToString();
        var (templateId, items) = await ActiveTemplateAsync(cancellationToken);
        var issued = 0;
        var afterId = 0;
        while (true)
        {
            var batch = await NextBatchAsync(period, afterId, cancellationToken);
            if (batch.Last is null)
                break;
            afterId = batch.Last.Value;
            if (batch.Units.Count == 0)
                continue;
            issued += await UniqueBatches.WriteAsync(batch.Units, units => IssueBatchAsync(units, quarter, templateId, items, cancellationToken));
        }
        logger.LogInformation("Issued {Count} evaluation forms for {Quarter}", issued, period);
        return issued;
    }

    private async Task<(int TemplateId, List<SurveyItem> Items)> ActiveTemplateAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Items)
            .Where(t => t.IsActive).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("There is no active survey template: a manager must activate one.");
        var items = template.Items.Where(i => !i.IsArchived).OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
        if (items.Count == 0)
            throw new InvalidOperationException("The active survey template has no items.");
        return (template.Id, items);
    }

    /// <summary>The next occupied units after <paramref name="afterId"/> that have no form this quarter yet; Last is null at the end.</summary>
    private async Task<(int? Last, List<UnitToIssue> Units)> NextBatchAsync(string period, int afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Id > afterId && u.Occupants.Any())
            .OrderBy(u => u.Id)
            .Take(options.Value.BatchSize)
            .Select(u => new { u.Id, u.Number, u.BuildingId, u.Building!.Code, u.Building.EstateId })
            .ToListAsync(ct);
        if (units.Count == 0)
            return (null, []);
        var ids = units.Select(u => u.Id).ToList();
        var done = await db.Surveys.Where(s => s.Quarter == period && ids.Contains(s.UnitId)).Select(s => s.UnitId).ToListAsync(ct);
        var occupants = await db.Occupants.AsNoTracking().Where(o => ids.Contains(o.UnitId)).ToListAsync(ct);
        var todo = units.Where(u => !done.Contains(u.Id))
            .Select(u => new UnitToIssue(u.Id, $"{u.Code}-{u.Number}", u.BuildingId, u.EstateId, Addressee(occupants.Where(o => o.UnitId == u.Id))))
            .ToList();
        return (units[^1].Id, todo);
    }

    /// <summary>The form goes to whoever lives there: the tenant if the unit is let, else the owner.</summary>
    private static Occupant Addressee(IEnumerable<Occupant> occupants) =>
        occupants.OrderBy(o => o.Role == OccupantRole.Tenant ? 0 : 1).ThenBy(o => o.Id).First();

    private async Task<int> IssueBatchAsync(IReadOnlyList<UnitToIssue> units, SurveyQuarter quarter, int templateId, List<SurveyItem> items, CancellationToken ct)
    {
        // People first: a clerk's save under way goes before this batch.
        await writes.YieldAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IsBackground = true;
        var now = clock.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var surveys = units.Select(u => new Survey
            {
                EstateId = u.EstateId,
                BuildingId = u.BuildingId,
                UnitId = u.UnitId,
                OccupantId = u.Addressee.Id,
                Quarter = quarter.ToString(),
                TemplateId = templateId,
                IssuedAt = now,
                Status = SurveyStatus.Issued,
            }).ToList();
            db.Surveys.AddRange(surveys);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < units.Count; i++)
            {
                var unit = units[i];
                var link = links.NewSurveyLink(db, surveys[i].Id, unit.Addressee.Id, now);
                notices.Add(db, unit.Addressee, unit.Unit, new NoticePlace(unit.EstateId, unit.BuildingId), quarter, items, link, now);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return surveys.Count;
        });
    }
}

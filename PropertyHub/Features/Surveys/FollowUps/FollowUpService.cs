using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Surveys.FollowUps;

/// <summary>Which follow-ups a list shows.</summary>
public enum FollowUpFilter
{
    Open,
    Done,
    All,
}

/// <summary>One follow-up as the list shows it; the phone is masked as the registry masks it.</summary>
public sealed record FollowUpRow(
    int Id,
    int Version,
    int EstateId,
    string Quarter,
    string Unit,
    string OccupantName,
    /// <summary>In full: the follow-up is a call, so the caller needs the number.</summary>
    string? Phone,
    string Opinion,
    FollowUpStatus Status,
    FollowUpMethod? Method,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DoneAt,
    string? DoneBy);

/// <summary>
/// Follow-ups (回訪, P1§11.4) of occupants who wrote an opinion on the form: open ones oldest first, until someone
/// records how they called or visited and what came of it.
/// </summary>
public sealed class FollowUpService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentActor actor,
    Permissions permissions,
    TimeProvider clock,
    ILogger<FollowUpService> logger)
{
    public const int MaxOutcome = 1000;

    /// <summary>The sort key for units in natural order; anything else (or none) keeps the filter's own order.</summary>
    public const string SortByUnit = "unit";

    /// <summary>
    /// One page of the follow-ups under the filter (and of one quarter, if given): open ones oldest first, done ones newest
    /// first, or by unit in natural order; the total counts every one the filter lets through.
    /// </summary>
    public async Task<Slice<FollowUpRow>> ListAsync(FollowUpFilter filter, PageRequest page, string? quarter = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.FollowUps.AsNoTracking();
        query = filter switch
        {
            FollowUpFilter.Open => query.Where(f => f.Status == FollowUpStatus.Open),
            FollowUpFilter.Done => query.Where(f => f.Status == FollowUpStatus.Done),
            _ => query,
        };
        if (!string.IsNullOrEmpty(quarter))
            query = query.Where(f => f.Quarter == quarter);
        var total = await query.CountAsync(ct);
        IQueryable<FollowUp> ordered = page.SortBy == SortByUnit
            ? query.Join(db.Units, f => f.UnitId, u => u.Id, (f, u) => new { F = f, U = u })
                .OrderNaturallyBy(x => x.U, page.Descending).ThenBy(x => x.F.Id).Select(x => x.F)
            : filter switch
            {
                FollowUpFilter.Open => query.OrderBy(f => f.Id),
                FollowUpFilter.Done => query.OrderByDescending(f => f.Id),
                _ => query.OrderBy(f => f.Status).ThenBy(f => f.Id),
            };
        var rows = await ordered.Skip(page.SafeSkip).Take(page.SafeTake).Select(f => new
        {
            F = f,
            Unit = db.Units.Where(u => u.Id == f.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
            Occupant = db.Occupants.Where(o => o.Id == f.OccupantId).Select(o => new { o.Name, o.Phone }).First(),
        }).ToListAsync(ct);
        return new Slice<FollowUpRow>(rows.Select(x => new FollowUpRow(x.F.Id, x.F.Version, x.F.EstateId, x.F.Quarter, x.Unit, x.Occupant.Name,
            x.Occupant.Phone, x.F.Opinion, x.F.Status, x.F.Method, x.F.Outcome, x.F.CreatedAt, x.F.DoneAt, x.F.DoneBy)).ToList(), total);
    }

    /// <summary>How many follow-ups are open.</summary>
    public async Task<int> OpenCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open, ct);
    }

    /// <summary>Records the call or visit and its outcome (required): the follow-up is done.</summary>
    public async Task<WorkResult> RecordAsync(int id, int version, FollowUpMethod method, string? outcome, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.WorkFollowUps, ct))
            return WorkResult.Fail("NotAllowed");
        var cleaned = Registry.TypedText.Text(outcome);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(method))
            errors["Method"] = "MethodRequired";
        if (cleaned is null)
            errors["Outcome"] = "OutcomeRequired";
        else if (cleaned.Length > MaxOutcome)
            errors["Outcome"] = "TextTooLong";
        if (errors.Count > 0)
            return WorkResult.Invalid(errors);

        var who = await actor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (followUp is null)
            return WorkResult.Fail("NotFound");
        if (followUp.Version != version)
            return WorkResult.Fail(WorkResult.Conflict);
        if (followUp.Status == FollowUpStatus.Done)
            return WorkResult.Fail("FollowUpAlreadyDone");
        db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
        followUp.Method = method;
        followUp.Outcome = cleaned;
        followUp.Status = FollowUpStatus.Done;
        followUp.DoneAt = clock.GetUtcNow();
        followUp.DoneBy = who.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkResult.Fail(WorkResult.Conflict);
        }
        logger.LogInformation("Follow-up {FollowUpId} done by {Method}", id, method);
        return WorkResult.Saved;
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Collection;

/// <summary>
/// The collection tasks by building, the staff who can collect, and assigning tasks to them (Finance and managers).
/// Outstanding amounts are summed in memory: SQLite has no decimal arithmetic, and the rows are loaded anyway.
/// </summary>
public sealed class CollectionService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions)
{
    /// <summary>Roles whose members go door to door.</summary>
    private static readonly string[] Collectors = [.. AccessTable.Rule(Can.Collect).Roles];

    /// <summary>The tasks by building, filtered; buildings in code order, tasks by floor and unit.</summary>
    public async Task<IReadOnlyList<BuildingCollection>> BuildingsAsync(CollectionFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.CollectionTasks.AsNoTracking();
        if (filter.Status is { } status)
            tasks = tasks.Where(t => t.Status == status);
        if (filter.UnassignedOnly)
            tasks = tasks.Where(t => t.AssignedToId == null);
        else if (!string.IsNullOrEmpty(filter.AssignedToId))
            tasks = tasks.Where(t => t.AssignedToId == filter.AssignedToId);
        var rows = await RowsAsync(db, tasks, ct);
        return rows.GroupBy(r => (r.BuildingId, r.BuildingCode, r.BuildingName))
            .OrderBy(g => g.Key.BuildingCode, StringComparer.Ordinal)
            .Select(g => new BuildingCollection(g.Key.BuildingId, g.Key.BuildingCode, g.Key.BuildingName,
                g.Count(r => r.Status == CollectionStatus.Open),
                g.Count(r => r.Status == CollectionStatus.Promised),
                g.Count(r => r.Status == CollectionStatus.Paid),
                g.Count(r => r.Status == CollectionStatus.Refused),
                g.Count(r => r.AssignedToId is null && r.Status != CollectionStatus.Paid),
                g.Where(r => r.Status != CollectionStatus.Paid).Sum(r => r.Outstanding),
                g.ToList()))
            .ToList();
    }

    /// <summary>The signed-in user's open and promised tasks that still have something outstanding, by building, floor and unit.</summary>
    public async Task<IReadOnlyList<CollectionRow>> MineAsync(CancellationToken ct = default)
    {
        var me = await actor.GetAsync();
        if (me.UserId is null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.CollectionTasks.AsNoTracking().Where(t => t.AssignedToId == me.UserId
            && (t.Status == CollectionStatus.Open || t.Status == CollectionStatus.Promised));
        return (await RowsAsync(db, tasks, ct)).Where(r => r.Outstanding > 0).ToList();
    }

    /// <summary>Active staff in the collector roles, by name.</summary>
    public async Task<IReadOnlyList<Collector>> CollectorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await CollectorsIn(db).ToListAsync(ct);
        return list.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Assigns the tasks the user saw (a building's open tasks, or a selection) to one collector.</summary>
    public async Task<CollectionResult> AssignAsync(IReadOnlyList<TaskVersion> seen, string? collectorId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.AssignCollection, ct))
            return CollectionResult.Fail("", "NotAllowed");
        if (seen.Count == 0)
            return CollectionResult.Fail("", "NothingSelected");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var collector = string.IsNullOrEmpty(collectorId) ? null : await CollectorsIn(db, collectorId).FirstOrDefaultAsync(ct);
        if (collector is null)
            return CollectionResult.Fail("Collector", "CollectorRequired");
        var ids = seen.Select(s => s.TaskId).Distinct().ToList();
        var tasks = await db.CollectionTasks.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count != ids.Count)
            return CollectionResult.Fail("", "ConcurrencyConflict");
        foreach (var task in tasks)
        {
            if (task.Status == CollectionStatus.Paid)
                return CollectionResult.Fail("", "TaskClosed");
            db.Entry(task).Property(t => t.Version).OriginalValue = seen.First(s => s.TaskId == task.Id).Version;
            task.AssignedToId = collector.Id;
            task.AssignedToName = collector.Name;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CollectionResult.Fail("", "ConcurrencyConflict");
        }
        return CollectionResult.Done(tasks.Count);
    }

    private static IQueryable<Collector> CollectorsIn(AppDbContext db, string? userId = null) =>
        db.Users.Where(u => !u.IsDisabled && (userId == null || u.Id == userId) && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && Collectors.Contains(r.Name!))))
            .Select(u => new Collector(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName!));

    /// <summary>The rows for some tasks, with their request, payer, unit and last visit; ordered by building, floor and unit.</summary>
    internal static async Task<List<CollectionRow>> RowsAsync(AppDbContext db, IQueryable<CollectionTask> tasks, CancellationToken ct)
    {
        var rows = await (
            from t in tasks
            join r in db.PaymentRequests on t.PaymentRequestId equals r.Id
            join o in db.Occupants on r.OccupantId equals o.Id
            join u in db.Units on t.UnitId equals u.Id
            join b in db.Buildings on t.BuildingId equals b.Id
            select new
            {
                Task = t, r.Month, r.DueDate, r.Total, r.Paid, Payer = o.Name, o.Phone, o.Phone2,
                u.Number, u.Floor, b.Code, BuildingName = b.Name,
            }).ToListAsync(ct);
        // Visits are few per task; the latest is picked here (SQLite cannot order by a DateTimeOffset).
        var visits = (await db.CollectionVisits.AsNoTracking().Where(v => tasks.Any(t => t.Id == v.CollectionTaskId)).ToListAsync(ct))
            .GroupBy(v => v.CollectionTaskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).First());
        return rows.Select(x => new CollectionRow(x.Task.Id, x.Task.Version, x.Task.EstateId, x.Task.PaymentRequestId, x.Task.BuildingId, x.Code,
                x.BuildingName, x.Task.UnitId, $"{x.Code}-{x.Number}", x.Floor, x.Payer,
                string.IsNullOrWhiteSpace(x.Phone) ? x.Phone2 : x.Phone, x.Month, x.DueDate, x.Total - x.Paid, x.Task.Status,
                x.Task.PromisedDate, x.Task.AssignedToId, x.Task.AssignedToName, visits.GetValueOrDefault(x.Task.Id)))
            .OrderBy(r => r.BuildingCode, StringComparer.Ordinal).ThenBy(r => r.Floor).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.Month)
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees.Collection;

/// <summary>
/// The collection tasks, one page at a time, with each building's counts and outstanding sum; the staff who can collect,
/// and assigning tasks to them (Finance and managers).
/// </summary>
public sealed class CollectionService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions)
{
    /// <summary>Roles whose members go door to door.</summary>
    private static readonly string[] Collectors = [.. AccessTable.Rule(Can.Collect).Roles];

    /// <summary>Sort keys of the task list; anything else sorts by unit (building, floor, number), then month.</summary>
    public const string SortByMonth = "month", SortByPayer = "payer", SortByStatus = "status", SortByAssignee = "assignee";

    /// <summary>
    /// The buildings that have tasks under the filter, in natural code order, each with its counts and outstanding sum over
    /// the whole filtered list (not one page of it); counted and summed by the database.
    /// </summary>
    public async Task<IReadOnlyList<BuildingCollection>> BuildingsAsync(CollectionFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sums = await (
            from t in Filtered(db, filter)
            join r in db.PaymentRequests on t.PaymentRequestId equals r.Id
            group new { t.Status, Unassigned = t.AssignedToId == null, r.Total, r.Paid } by t.BuildingId into g
            select new
            {
                BuildingId = g.Key,
                Open = g.Count(x => x.Status == CollectionStatus.Open),
                Promised = g.Count(x => x.Status == CollectionStatus.Promised),
                Paid = g.Count(x => x.Status == CollectionStatus.Paid),
                Refused = g.Count(x => x.Status == CollectionStatus.Refused),
                Unassigned = g.Count(x => x.Unassigned && x.Status != CollectionStatus.Paid),
                Billed = g.Sum(x => x.Status != CollectionStatus.Paid ? x.Total : 0m),
                Received = g.Sum(x => x.Status != CollectionStatus.Paid ? x.Paid : 0m),
            }).ToListAsync(ct);
        var ids = sums.Select(s => s.BuildingId).ToList();
        var buildings = await db.Buildings.AsNoTracking().Where(b => ids.Contains(b.Id))
            .OrderBy(b => b.Code.Length).ThenBy(b => b.Code).Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);
        return buildings.Select(b => (Building: b, Sums: sums.Single(s => s.BuildingId == b.Id)))
            .Select(x => new BuildingCollection(x.Building.Id, x.Building.Code, x.Building.Name, x.Sums.Open, x.Sums.Promised, x.Sums.Paid,
                x.Sums.Refused, x.Sums.Unassigned, x.Sums.Billed - x.Sums.Received))
            .ToList();
    }

    /// <summary>One page of the filtered tasks, by unit in natural order (then month) unless another sort is asked for.</summary>
    public async Task<Slice<CollectionRow>> PageAsync(CollectionFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SliceAsync(db, Filtered(db, filter), page, ct);
    }

    /// <summary>
    /// Assigns a building's open tasks under the filter to one collector, if they are still the ones the user saw: as many,
    /// with the versions they had when counted. Otherwise nothing is assigned and the result is a conflict.
    /// </summary>
    public async Task<CollectionResult> AssignBuildingAsync(int buildingId, CollectionFilter filter, int seenOpen, string? collectorId,
        CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.AssignCollection, ct))
            return CollectionResult.Fail("", "NotAllowed");
        List<TaskVersion> open;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            open = await Filtered(db, filter with { BuildingId = buildingId })
                .Where(t => t.Status == CollectionStatus.Open)
                .Select(t => new TaskVersion(t.Id, t.Version)).ToListAsync(ct);
        }
        if (open.Count != seenOpen)
            return CollectionResult.Fail("", "ConcurrencyConflict");
        return await AssignAsync(open, collectorId, ct);
    }

    /// <summary>
    /// One page of the signed-in user's open and promised tasks that still have something outstanding, by building, floor
    /// and unit (naturally), then month.
    /// </summary>
    public async Task<Slice<CollectionRow>> MineAsync(PageRequest page, CancellationToken ct = default)
    {
        var me = await actor.GetAsync();
        if (me.UserId is null)
            return new Slice<CollectionRow>([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SliceAsync(db, Mine(db, me.UserId), page with { SortBy = null, Descending = false }, ct);
    }

    /// <summary>What is still outstanding on one unit's tasks in the signed-in user's list (all of them, not one page).</summary>
    public async Task<decimal> MineOutstandingAsync(int unitId, CancellationToken ct = default)
    {
        var me = await actor.GetAsync();
        if (me.UserId is null)
            return 0m;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owed = await Mine(db, me.UserId).Where(t => t.UnitId == unitId)
            .Join(db.PaymentRequests, t => t.PaymentRequestId, r => r.Id, (t, r) => new { r.Total, r.Paid })
            .ToListAsync(ct);
        return owed.Sum(r => r.Total - r.Paid);
    }

    private static IQueryable<CollectionTask> Mine(AppDbContext db, string userId) =>
        db.CollectionTasks.AsNoTracking().Where(t => t.AssignedToId == userId
            && (t.Status == CollectionStatus.Open || t.Status == CollectionStatus.Promised)
            && db.PaymentRequests.Any(r => r.Id == t.PaymentRequestId && r.Paid < r.Total));

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

    private static IQueryable<CollectionTask> Filtered(AppDbContext db, CollectionFilter filter)
    {
        var tasks = db.CollectionTasks.AsNoTracking();
        if (filter.Status is { } status)
            tasks = tasks.Where(t => t.Status == status);
        if (filter.UnassignedOnly)
            tasks = tasks.Where(t => t.AssignedToId == null);
        else if (!string.IsNullOrEmpty(filter.AssignedToId))
            tasks = tasks.Where(t => t.AssignedToId == filter.AssignedToId);
        if (filter.BuildingId is { } buildingId)
            tasks = tasks.Where(t => t.BuildingId == buildingId);
        return tasks;
    }

    /// <summary>One ordered page of some tasks with their request, payer, unit and last visit, and how many tasks there are.</summary>
    private static async Task<Slice<CollectionRow>> SliceAsync(AppDbContext db, IQueryable<CollectionTask> tasks, PageRequest page, CancellationToken ct)
    {
        var joined =
            from t in tasks
            join r in db.PaymentRequests on t.PaymentRequestId equals r.Id
            join o in db.Occupants on r.OccupantId equals o.Id
            join u in db.Units on t.UnitId equals u.Id
            select new TaskJoin { Task = t, Request = r, Payer = o, Unit = u };
        var ordered = page.SortBy switch
        {
            SortByMonth => page.Descending ? joined.OrderByDescending(x => x.Request.Month) : joined.OrderBy(x => x.Request.Month),
            SortByPayer => page.Descending ? joined.OrderByDescending(x => x.Payer.Name) : joined.OrderBy(x => x.Payer.Name),
            SortByStatus => page.Descending ? joined.OrderByDescending(x => x.Task.Status) : joined.OrderBy(x => x.Task.Status),
            SortByAssignee => page.Descending ? joined.OrderByDescending(x => x.Task.AssignedToName) : joined.OrderBy(x => x.Task.AssignedToName),
            _ => joined.OrderNaturallyBy(x => x.Unit, page.Descending).ThenBy(x => x.Request.Month),
        };
        var slice = await ordered.ThenBy(x => x.Task.Id).Select(x => new
        {
            x.Task, x.Request.Month, x.Request.DueDate, x.Request.Total, x.Request.Paid, Payer = x.Payer.Name, x.Payer.Phone, x.Payer.Phone2,
            x.Unit.Number, x.Unit.Floor, x.Unit.Building!.Code, BuildingName = x.Unit.Building.Name,
        }).ToSliceAsync(page, ct);
        var ids = slice.Rows.Select(x => x.Task.Id).ToList();
        // Visits are few per task; the latest is picked here (SQLite cannot order by a DateTimeOffset).
        var visits = (await db.CollectionVisits.AsNoTracking().Where(v => ids.Contains(v.CollectionTaskId)).ToListAsync(ct))
            .GroupBy(v => v.CollectionTaskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).First());
        var rows = slice.Rows.Select(x => new CollectionRow(x.Task.Id, x.Task.Version, x.Task.EstateId, x.Task.PaymentRequestId, x.Task.BuildingId, x.Code,
                x.BuildingName, x.Task.UnitId, $"{x.Code}-{x.Number}", x.Floor, x.Payer,
                string.IsNullOrWhiteSpace(x.Phone) ? x.Phone2 : x.Phone, x.Month, x.DueDate, x.Total - x.Paid, x.Task.Status,
                x.Task.PromisedDate, x.Task.AssignedToId, x.Task.AssignedToName, visits.GetValueOrDefault(x.Task.Id)))
            .ToList();
        return new Slice<CollectionRow>(rows, slice.Total);
    }

    private sealed class TaskJoin
    {
        public required CollectionTask Task { get; init; }
        public required PaymentRequest Request { get; init; }
        public required Occupant Payer { get; init; }
        public required Unit Unit { get; init; }
    }
}

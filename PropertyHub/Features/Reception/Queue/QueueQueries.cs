using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.Queue;

/// <summary>
/// Reads the open queue. Every query starts from "this estate, status open" so it runs on the
/// (EstateId, Status, DueAt) index and never touches the closed history; counters are COUNT queries.
/// </summary>
public sealed class QueueQueries(IDbContextFactory<AppDbContext> dbFactory, EstateTime estateTime, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int ExcerptLength = 120;
    public const int DefaultCriticalHours = 4;

    public async Task<int?> DefaultEstateIdAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>One page of open items, most urgent first: deadline ascending, items without one last, then time received.</summary>
    public async Task<QueueSlice> GetPageAsync(QueueFilter filter, int pageIndex = 0, int pageSize = PageSize, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = Scope(db, filter, now);
        var counters = await CountAsync(filter.EstateId, scope, now, ct);
        var listed = filter.OverdueOnly ? scope.Where(Overdue(now)) : scope;
        var total = filter.OverdueOnly ? counters.Overdue : counters.Open;
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        pageIndex = Math.Clamp(pageIndex, 0, pageCount - 1);
        var rows = await listed
            .OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Skip(pageIndex * pageSize).Take(pageSize)
            .Select(r => new QueueRow(
                r.Id, r.Version, r.Kind, r.Channel,
                r.Unit == null ? null : r.Unit.Building!.Code + "-" + r.Unit.Number,
                r.CallerName,
                r.Content.Length > ExcerptLength ? r.Content.Substring(0, ExcerptLength) + "…" : r.Content,
                r.Department, r.AssigneeName, r.Level, r.IsImportant,
                r.IsOverdue || (r.DueAt != null && r.DueAt < now),
                r.ReceivedAt, r.DueAt, r.WarnAt, r.ServiceManagerName))
            .ToListAsync(ct);
        var critical = await CriticalHoursAsync(db, filter.EstateId, ct);
        return new QueueSlice(rows, total, pageIndex, pageCount, counters, critical, now);
    }

    /// <summary>The counters alone (the wallboard's big numbers use the same as the queue).</summary>
    public async Task<QueueCounters> GetCountersAsync(QueueFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await CountAsync(filter.EstateId, Scope(db, filter, now), now, ct);
    }

    public async Task<IReadOnlyList<BuildingOption>> BuildingsAsync(int estateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Short codes first, so "2" comes before "10".
        return await db.Buildings.AsNoTracking().Where(b => b.EstateId == estateId)
            .OrderBy(b => b.Code.Length).ThenBy(b => b.Code)
            .Select(b => new BuildingOption(b.Id, b.Code, b.Name)).ToListAsync(ct);
    }

    /// <summary>Enabled staff with a role, by name, with their roles and department (see <see cref="Assignees"/>).</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Department }).ToListAsync(ct);
        return [.. users.Where(u => byUser[u.Id].Any())
            .Select(u => new StaffOption(u.Id, u.DisplayName, byUser[u.Id].ToList(), u.Department))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The department set on a user, if any: their queue opens on it.</summary>
    public async Task<Department?> DepartmentOfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Department).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// The open items the filter asks for. The kinds chosen narrow the everyday items only: an item of any kind that is
    /// late or escalated always shows, so an overdue repair or call-back never hides behind the default kinds.
    /// </summary>
    private static IQueryable<ServiceRequest> Scope(AppDbContext db, QueueFilter filter, DateTimeOffset now)
    {
        var kinds = filter.Kinds.ToList();
        var query = db.ServiceRequests.AsNoTracking()
            .Where(r => r.EstateId == filter.EstateId && r.Status == RequestStatus.Open)
            .Where(r => kinds.Contains(r.Kind) || r.IsOverdue || (r.DueAt != null && r.DueAt < now) || r.Level != EscalationLevel.None);
        if (filter.Department is { } department)
            query = query.Where(r => r.Department == department);
        if (!string.IsNullOrEmpty(filter.AssigneeId))
            query = query.Where(r => r.AssigneeId == filter.AssigneeId);
        if (filter.BuildingId is { } buildingId)
            query = query.Where(r => r.Unit != null && r.Unit.BuildingId == buildingId);
        if (filter.Level is { } level)
            query = query.Where(r => r.Level == level);
        return query;
    }

    private async Task<QueueCounters> CountAsync(int estateId, IQueryable<ServiceRequest> scope, DateTimeOffset now, CancellationToken ct)
    {
        // Today on the estate's own clock, as a UTC range.
        var today = estateTime.LocalDate(estateId, now);
        var (todayStart, tomorrowStart) = estateTime.DayBounds(estateId, today, today);
        var overdue = Overdue(now);
        var open = await scope.CountAsync(ct);
        var dueToday = await scope.CountAsync(r => r.DueAt >= todayStart && r.DueAt < tomorrowStart, ct);
        var overdueCount = await scope.CountAsync(overdue, ct);
        var warning = await scope.Where(r => r.Level != EscalationLevel.None).Where(Not(overdue)).CountAsync(ct);
        return new QueueCounters(open, dueToday, warning, overdueCount);
    }

    /// <summary>Overdue: marked by the sweep, or past the deadline before the sweep's next run.</summary>
    private static Expression<Func<ServiceRequest, bool>> Overdue(DateTimeOffset now) =>
        r => r.IsOverdue || (r.DueAt != null && r.DueAt < now);

    private static Expression<Func<ServiceRequest, bool>> Not(Expression<Func<ServiceRequest, bool>> predicate) =>
        Expression.Lambda<Func<ServiceRequest, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static async Task<int> CriticalHoursAsync(AppDbContext db, int estateId, CancellationToken ct) =>
        await db.ReceptionSettings.AsNoTracking().Where(s => s.EstateId == estateId).Select(s => (int?)s.CriticalHours).SingleOrDefaultAsync(ct)
        ?? DefaultCriticalHours;
}

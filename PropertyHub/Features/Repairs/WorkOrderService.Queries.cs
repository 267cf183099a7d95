using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Repairs;

/// <summary>An engineer who can be booked.</summary>
public sealed record EngineerOption(string Id, string Name);

/// <summary>One work order as the list shows it.</summary>
public sealed record WorkOrderRow(int Id, int RequestId, string Where, RepairCategory Category, RepairUrgency Urgency, bool IsPaid,
    WorkOrderStatus Status, string? EngineerName, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

/// <summary>An open repair request that has no work order yet.</summary>
public sealed record WaitingRequestRow(int Id, int EstateId, int? UnitId, string? Unit, string? CallerName, string Content, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt);

public sealed partial class WorkOrderService
{
    /// <summary>One page of an estate's open repair requests without a work order, the most urgent first.</summary>
    public async Task<Slice<WaitingRequestRow>> WaitingRequestsAsync(int estateId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ServiceRequests.AsNoTracking()
            .Where(r => r.EstateId == estateId && r.Kind == Reception.RequestKind.Repair && r.Status == Reception.RequestStatus.Open
                && !db.WorkOrders.Any(w => w.ServiceRequestId == r.Id));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt).ThenBy(r => r.Id).Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(r => new WaitingRequestRow(r.Id, r.EstateId, r.UnitId, r.Unit == null ? null : r.Unit.Building!.Code + "-" + r.Unit.Number,
                r.CallerName, r.Content, r.ReceivedAt, r.DueAt)).ToListAsync(ct);
        return new Slice<WaitingRequestRow>(rows, total);
    }

    /// <summary>The estate the repairs pages open on: the first.</summary>
    public async Task<int?> DefaultEstateIdAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The work order with its request (and timeline), unit and appointments (current and history).</summary>
    public async Task<WorkOrder?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkOrders.AsNoTracking()
            .Include(w => w.Request).ThenInclude(r => r!.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id))
            .Include(w => w.Unit).ThenInclude(u => u!.Building)
            .Include(w => w.Appointments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(w => w.Id == id, ct);
    }

    /// <summary>The work order of a request, if one was created.</summary>
    public async Task<int?> ForRequestAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkOrders.Where(w => w.ServiceRequestId == requestId).Select(w => (int?)w.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>One page of an estate's work orders, newest first; <paramref name="open"/> leaves out closed and cancelled ones.</summary>
    public async Task<Slice<WorkOrderRow>> PageAsync(int estateId, bool open, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkOrders.AsNoTracking().Where(w => w.EstateId == estateId);
        if (open)
            query = query.Where(w => w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled);
        return await RowsAsync(db, query, q => q.OrderByDescending(w => w.Id), page, ct);
    }

    /// <summary>One page of the query as list rows, in the given order.</summary>
    private static async Task<Slice<WorkOrderRow>> RowsAsync(AppDbContext db, IQueryable<WorkOrder> query,
        Func<IQueryable<WorkOrder>, IOrderedQueryable<WorkOrder>> order, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var rows = await order(query).Skip(page.SafeSkip).Take(page.SafeTake).Select(w => new
        {
            w.Id, w.ServiceRequestId, w.Category, w.Urgency, w.IsPaid, w.Status, w.EngineerName, w.CreatedAt, w.Place,
            Unit = w.Unit == null ? null : w.Unit.Building!.Code + "-" + w.Unit.Number,
            Building = db.Buildings.Where(b => b.Id == w.BuildingId).Select(b => b.Code).FirstOrDefault(),
            w.Request!.DueAt,
            Current = w.Appointments.Where(a => a.Status == AppointmentStatus.Current).Select(a => new { a.WindowStart, a.WindowEnd }).FirstOrDefault(),
        }).ToListAsync(ct);
        return new Slice<WorkOrderRow>(rows.Select(r => new WorkOrderRow(r.Id, r.ServiceRequestId,
            r.Unit ?? string.Join(" ", new[] { r.Building, r.Place }.Where(s => s is not null)),
            r.Category, r.Urgency, r.IsPaid, r.Status, r.EngineerName, r.Current?.WindowStart, r.Current?.WindowEnd, r.DueAt, r.CreatedAt)).ToList(), total);
    }

    /// <summary>Staff in the engineer role who are not disabled, by name.</summary>
    public async Task<IReadOnlyList<EngineerOption>> EngineersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var engineers = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.Engineer && !u.IsDisabled
                               select new EngineerOption(u.Id, u.DisplayName)).AsNoTracking().ToListAsync(ct);
        return [.. engineers.OrderBy(e => e.Name, StringComparer.CurrentCulture)];
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs.Visits;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    /// <summary>The signed-in engineer's visits (those done and accepted too) of a day (estate time), in time order, with the contact to call.</summary>
    public async Task<IReadOnlyList<VisitRow>> MyVisitsAsync(DateOnly day, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.WorkVisits, ct);
        var me = (await currentActor.GetAsync()).UserId;
        // A day wide in every zone: each estate's own calendar decides below.
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
        var to = from.AddDays(1).AddHours(28);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await VisitsOf(db).Where(v => v.EngineerId == me && v.WindowStart >= from && v.WindowStart < to).ToListAsync(ct);
        return [.. rows.Where(r => estateTime.LocalDate(r.EstateId, r.WindowStart) == day).OrderBy(r => r.WindowStart).ThenBy(r => r.Id).Select(ToRow)];
    }

    /// <summary>One visit for its engineer; another engineer's is refused (whatever id is asked for), with the reason.</summary>
    public async Task<(VisitRow? Visit, string? Refusal)> VisitAsync(int workOrderId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.WorkVisits, ct))
            return (null, permissions.Refusal);
        var me = (await currentActor.GetAsync()).UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await VisitsOf(db).Where(v => v.Id == workOrderId).SingleOrDefaultAsync(ct);
        if (row is null)
            return (null, text["WorkOrderNotFound"]);
        if (row.EngineerId != me)
        {
            logger.LogWarning("Engineer {UserId} refused the visit of work order {WorkOrderId}", me, workOrderId);
            return (null, text["NotYourVisit"]);
        }
        return (ToRow(row), null);
    }

    /// <summary>A member-initialised row, so the queries can still filter on it in the database.</summary>
    private sealed class VisitData
    {
        public int Id { get; init; }
        public int Version { get; init; }
        public int EstateId { get; init; }
        public string? EngineerId { get; init; }
        public WorkOrderStatus Status { get; init; }
        public RepairCategory Category { get; init; }
        public bool IsPaid { get; init; }
        public string? Unit { get; init; }
        public string? Place { get; init; }
        public DateTimeOffset WindowStart { get; init; }
        public DateTimeOffset WindowEnd { get; init; }
        public string WorkContent { get; init; } = "";
        public string? CallerName { get; init; }
        public string? Phone { get; init; }
    }

    private static IQueryable<VisitData> VisitsOf(AppDbContext db) =>
        from a in db.Appointments.AsNoTracking()
        where a.Status == AppointmentStatus.Current
        join w in db.WorkOrders on a.WorkOrderId equals w.Id
        where w.Status == WorkOrderStatus.Scheduled || w.Status == WorkOrderStatus.InProgress || w.Status == WorkOrderStatus.AwaitingAcceptance
            || w.Status == WorkOrderStatus.Completed
        select new VisitData
        {
            Id = w.Id, Version = w.Version, EstateId = w.EstateId, EngineerId = a.EngineerId, Status = w.Status, Category = w.Category, IsPaid = w.IsPaid,
            Unit = w.Unit == null ? null : w.Unit.Building!.Code + "-" + w.Unit.Number, Place = w.Place,
            WindowStart = a.WindowStart, WindowEnd = a.WindowEnd, WorkContent = a.WorkContent, CallerName = w.Request!.CallerName, Phone = w.Request.Phone,
        };

    private static VisitRow ToRow(VisitData v) =>
        new(v.Id, v.Version, v.Status, v.Unit ?? v.Place ?? "", v.WindowStart, v.WindowEnd, v.WorkContent, v.CallerName, v.Phone, v.Category, v.IsPaid);
}

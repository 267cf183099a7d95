using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs.Dispatch;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    /// <summary>
    /// The dispatch board of an estate for one day or a week from <paramref name="from"/> (estate time): every engineer
    /// with his standing appointments in time order, each marked when it overlaps another of his.
    /// </summary>
    public async Task<DispatchBoard> DispatchBoardAsync(int estateId, DateOnly from, int days, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.DispatchRepairs, ct);
        days = days == 7 ? 7 : 1;
        var start = estateTime.ToUtc(estateId, from.ToDateTime(TimeOnly.MinValue));
        var end = estateTime.ToUtc(estateId, from.AddDays(days).ToDateTime(TimeOnly.MinValue));
        var engineers = await EngineersAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from a in db.Appointments.AsNoTracking()
                          where a.Status == AppointmentStatus.Current && a.WindowStart < end && a.WindowEnd > start
                          join w in db.WorkOrders on a.WorkOrderId equals w.Id
                          where w.EstateId == estateId && w.Status != WorkOrderStatus.Cancelled
                          select new
                          {
                              a.Id, a.EngineerId, a.EngineerName, a.WindowStart, a.WindowEnd, a.ExpectedMinutes, WorkOrderId = w.Id, w.Status, w.Category, w.Urgency,
                              Unit = w.Unit == null ? null : w.Unit.Building!.Code + "-" + w.Unit.Number, w.Place,
                          }).ToListAsync(ct);
        var visits = rows.Select(r => new BoardVisit(r.WorkOrderId, r.Id, r.EngineerId, r.Unit ?? r.Place ?? "", r.Category, r.Urgency, r.Status,
            r.WindowStart, r.WindowEnd, r.ExpectedMinutes, estateTime.LocalDate(estateId, r.WindowStart), false)).ToList();
        // An engineer no longer bookable keeps his standing visits on the board: they still need someone.
        var people = engineers.Select(e => (e.Id, e.Name))
            .Concat(rows.Where(r => engineers.All(e => e.Id != r.EngineerId)).Select(r => (Id: r.EngineerId, Name: r.EngineerName)).Distinct());
        var board = people.Select(p => new BoardEngineer(p.Id, p.Name, MarkOverlaps(visits.Where(v => v.EngineerId == p.Id)))).ToList();
        return new DispatchBoard(from, days, board);
    }

    /// <summary>The visits in time order, each marked when another of the same engineer's windows overlaps it.</summary>
    internal static IReadOnlyList<BoardVisit> MarkOverlaps(IEnumerable<BoardVisit> visits)
    {
        var ordered = visits.OrderBy(v => v.WindowStart).ThenBy(v => v.AppointmentId).ToList();
        return [.. ordered.Select(v => v with
        {
            Overlaps = ordered.Any(o => o.AppointmentId != v.AppointmentId && o.WindowStart < v.WindowEnd && o.WindowEnd > v.WindowStart),
        })];
    }

    /// <summary>One page of the estate's work orders waiting for an appointment (new or back for rework): emergencies first, then by deadline.</summary>
    public async Task<Slice<WorkOrderRow>> UnscheduledAsync(int estateId, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.DispatchRepairs, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkOrders.AsNoTracking()
            .Where(w => w.EstateId == estateId && (w.Status == WorkOrderStatus.ToSchedule || w.Status == WorkOrderStatus.Rework));
        return await RowsAsync(db, query, q => q.OrderBy(w => w.Urgency == RepairUrgency.Emergency ? 0 : 1)
            .ThenBy(w => w.Request!.DueAt == null).ThenBy(w => w.Request!.DueAt).ThenBy(w => w.Id), page, ct);
    }
}

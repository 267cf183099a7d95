using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs.Measures;

namespace PropertyHub.Features.Repairs;

/// <summary>One of the unit's repairs as its page lists it.</summary>
public sealed record UnitRepairRow(int Id, RepairCategory Category, WorkOrderStatus Status, string Description, string? EngineerName, DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt);

public sealed partial class WorkOrderService
{
    /// <summary>
    /// The repair measures of the work orders raised in a date range (estate days, both included): follow-up rate with
    /// the ones missing, appointments kept, time to schedule and to complete (median, p90), first-visit fixes,
    /// follow-up satisfaction and rework — overall, per engineer, per category and per building.
    /// </summary>
    public async Task<RepairMeasuresReport> MeasuresAsync(int estateId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeRepairMeasures, ct);
        if (to < from)
            (from, to) = (to, from);
        var start = estateTime.ToUtc(estateId, from.ToDateTime(TimeOnly.MinValue));
        var end = estateTime.ToUtc(estateId, to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.WorkOrders.AsNoTracking()
            .Where(w => w.EstateId == estateId && w.CreatedAt >= start && w.CreatedAt < end && w.Status != WorkOrderStatus.Cancelled)
            .Select(w => new
            {
                w.Id, w.Category, w.EngineerName, w.CreatedAt, w.ArrivedAt, w.AcceptedAt, w.FollowedUpAt, w.Status, w.ReworkCount, w.Request!.DueAt, w.Place,
                Unit = w.Unit == null ? null : w.Unit.Building!.Code + "-" + w.Unit.Number,
                Building = w.Unit != null ? w.Unit.Building!.Code : db.Buildings.Where(b => b.Id == w.BuildingId).Select(b => b.Code).FirstOrDefault(),
                FirstBookedAt = w.Appointments.OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefault(),
                WindowEnd = w.Appointments.OrderByDescending(a => a.Id).Select(a => (DateTimeOffset?)a.WindowEnd).FirstOrDefault(),
                Appointments = w.Appointments.Count,
                Satisfied = db.RepairFollowUps.Count(f => f.WorkOrderId == w.Id && f.Outcome == FollowUpOutcome.Satisfied),
                Answered = db.RepairFollowUps.Count(f => f.WorkOrderId == w.Id && f.Outcome != FollowUpOutcome.NoAnswer),
            }).ToListAsync(ct);
        var orders = rows.Select(r => new MeasuredOrder(r.Id, r.Category, r.EngineerName, r.Building ?? "—", r.Unit ?? r.Place ?? "", r.CreatedAt, r.FirstBookedAt,
            r.ArrivedAt, r.WindowEnd, r.AcceptedAt, r.FollowedUpAt, r.DueAt, r.Status, r.Appointments, r.ReworkCount, r.Satisfied, r.Answered)).ToList();
        var missing = orders.Where(o => o.AcceptedAt is not null && o.FollowedUpAt is null).OrderBy(o => o.AcceptedAt)
            .Select(o => new MissingFollowUp(o.Id, o.Where, o.AcceptedAt!.Value, o.DueAt)).ToList();
        return new RepairMeasuresReport(from, to, RepairMeasuresMath.Row("", orders),
            By(orders, o => o.Engineer ?? "—"), By(orders, o => text[$"Category.{o.Category}"].Value), By(orders, o => o.Building), missing);

        static IReadOnlyList<RepairMeasureRow> By(List<MeasuredOrder> orders, Func<MeasuredOrder, string> key) =>
            [.. orders.GroupBy(key).OrderBy(g => g.Key, StringComparer.CurrentCulture).Select(g => RepairMeasuresMath.Row(g.Key, g.ToList()))];
    }

    /// <summary>One page of a unit's repairs, newest first, for staff who may see work orders.</summary>
    public async Task<Slice<UnitRepairRow>> UnitRepairsAsync(int unitId, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RaiseWorkOrders, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkOrders.AsNoTracking().Where(w => w.UnitId == unitId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(w => w.Id).Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(w => new UnitRepairRow(w.Id, w.Category, w.Status, w.Description, w.EngineerName, w.CreatedAt, w.AcceptedAt)).ToListAsync(ct);
        return new Slice<UnitRepairRow>(rows, total);
    }
}

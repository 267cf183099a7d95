using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.MoveIn;

/// <summary>Where a proxy service stands on the list: open (not done, its promised date not past), late, or done.</summary>
public enum ProxyState
{
    Open,
    Late,
    Done,
}

/// <summary>The list's filter: a state (all when null) and a unit typed as "1-101" or a unit number.</summary>
public sealed record ProxyFilter(ProxyState? State = null, string? Unit = null);

/// <summary>One proxy service on the list across units; <see cref="MoveInId"/> is the unit's standing move-in, if any.</summary>
public sealed record ProxyListRow(int Id, int UnitId, string Unit, string Owner, string Kind, decimal Fee, DateOnly PromisedOn, ProxyState State,
    DateTimeOffset? DoneAt, int? MoveInId);

public sealed partial class ProxyServiceService
{
    /// <summary>
    /// All proxy services across units, a page at a time (paged in the database), by promised date: filtered by state and
    /// unit. Late is judged on each estate's own calendar.
    /// </summary>
    public async Task<Slice<ProxyListRow>> PageAsync(ProxyFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleProxyServices, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ProxyServices.AsNoTracking();
        if (Registry.TypedText.Digits(filter.Unit) is { Length: > 0 } unit)
        {
            var dash = unit.IndexOfAny(['-', '－']);
            if (dash > 0)
            {
                var (code, number) = (unit[..dash].Trim(), unit[(dash + 1)..].Trim());
                query = query.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Building!.Code == code && u.Number == number));
            }
            else
                query = query.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Number == unit));
        }
        // Today differs between estates in other time zones: one group of estates per calendar day.
        var estateIds = await db.Estates.Select(e => e.Id).ToListAsync(ct);
        var days = estateIds.GroupBy(id => estateTime.Today(id)).Select(g => (Today: g.Key, Estates: g.ToList())).ToList();
        IQueryable<ProxyService> Dated(Func<DateOnly, List<int>, IQueryable<ProxyService>> part) =>
            days.Select(d => part(d.Today, d.Estates)).Aggregate((a, b) => a.Concat(b));
        query = filter.State switch
        {
            ProxyState.Done => query.Where(p => p.Status == ProxyServiceStatus.Done),
            ProxyState.Late when days.Count > 0 => Dated((today, ids) => query.Where(p => p.Status != ProxyServiceStatus.Done && ids.Contains(p.EstateId) && p.PromisedOn < today)),
            ProxyState.Open when days.Count > 0 => Dated((today, ids) => query.Where(p => p.Status != ProxyServiceStatus.Done && ids.Contains(p.EstateId) && p.PromisedOn >= today)),
            _ => query,
        };
        var slice = await query.OrderBy(p => p.PromisedOn).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.UnitId, p.EstateId, p.Kind, p.Fee, p.PromisedOn, p.Status, p.DoneAt,
                Unit = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
                Owner = db.Occupants.Where(o => o.Id == p.OccupantId).Select(o => o.Name).First(),
                MoveInId = db.MoveIns.Where(m => m.UnitId == p.UnitId && m.CancelKey == 0).Select(m => (int?)m.Id).FirstOrDefault(),
            }).ToSliceAsync(page, ct);
        return new Slice<ProxyListRow>([.. slice.Rows.Select(r => new ProxyListRow(r.Id, r.UnitId, r.Unit, r.Owner, r.Kind, r.Fee, r.PromisedOn,
            r.Status == ProxyServiceStatus.Done ? ProxyState.Done : r.PromisedOn < estateTime.Today(r.EstateId) ? ProxyState.Late : ProxyState.Open,
            r.DoneAt, r.MoveInId))], slice.Total);
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.MoveIn;

public sealed partial class ProxyServiceService
{
    /// <summary>A unit's proxy services, newest first.</summary>
    public async Task<IReadOnlyList<ProxyRow>> ForUnitAsync(int unitId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RowsAsync(db, db.ProxyServices.Where(p => p.UnitId == unitId), ct);
    }

    public async Task<ProxyRow?> SheetAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RowsAsync(db, db.ProxyServices.Where(p => p.Id == id), ct)).SingleOrDefault();
    }

    /// <summary>Today on the estate's calendar: a service promised before it and not done is late.</summary>
    public DateOnly Today(int estateId) => estateTime.Today(estateId);

    private static async Task<IReadOnlyList<ProxyRow>> RowsAsync(AppDbContext db, IQueryable<ProxyService> services, CancellationToken ct)
    {
        var rows = await services.AsNoTracking().Include(p => p.Notes)
            .Select(p => new
            {
                p,
                Unit = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
                Owner = db.Occupants.Where(o => o.Id == p.OccupantId).Select(o => new { o.Name, o.PreferredLanguage }).First(),
            }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.p.Id).Select(r => new ProxyRow(r.p.Id, r.p.Version, r.p.EstateId, r.Unit, r.Owner.Name, r.Owner.PreferredLanguage,
            r.p.Kind, r.p.Description, r.p.Fee, r.p.PromisedOn, r.p.Status, r.p.Signature, r.p.SignedAt, r.p.WitnessedBy, r.p.DoneAt, r.p.LateRequestId,
            r.p.PaidServiceId, [.. r.p.Notes.OrderBy(n => n.Id).Select(n => new ProxyNoteRow(n.At, n.By, n.Text))]))];
    }
}

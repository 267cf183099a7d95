using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>The missing documents report per building (paged in the database) and the printable file cover (檔案目錄).</summary>
public sealed class DocumentReports(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, EstateTime estateTime)
{
    public async Task<IReadOnlyList<BuildingChoice>> BuildingsAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.AsNoTracking().OrderBy(b => b.Estate!.Name).ThenBy(b => b.Code)
            .Select(b => new BuildingChoice(b.Id, b.Name, b.Estate!.Name)).ToListAsync(ct);
    }

    /// <summary>The building's occupants missing at least one kind in use, by unit, each with the kinds missing.</summary>
    public async Task<Slice<MissingRow>> MissingAsync(int buildingId, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kinds = db.DocumentKinds.Where(k => !k.Retired);
        var missing = db.Occupants.Where(o => o.Unit!.BuildingId == buildingId
            && kinds.Any(k => !db.OccupantDocuments.Any(d => d.OccupantId == o.Id && d.KindId == k.Id)));
        var slice = await missing.OrderNaturallyBy(o => o.Unit!).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.UnitId, o.Unit!.Number,
                Missing = kinds.Count(k => !db.OccupantDocuments.Any(d => d.OccupantId == o.Id && d.KindId == k.Id)) })
            .ToSliceAsync(page, ct);
        var ids = slice.Rows.Select(r => r.Id).ToList();
        var onFile = await db.OccupantDocuments.AsNoTracking().Where(d => ids.Contains(d.OccupantId)).Select(d => new { d.OccupantId, d.KindId }).ToListAsync(ct);
        var active = await kinds.AsNoTracking().OrderBy(k => k.Order).ThenBy(k => k.Id).ToListAsync(ct);
        var culture = CultureInfo.CurrentUICulture.Name;
        return new Slice<MissingRow>(slice.Rows.Select(r => new MissingRow(r.Id, r.Name, r.UnitId, r.Number, r.Missing,
            active.Where(k => !onFile.Any(d => d.OccupantId == r.Id && d.KindId == k.Id)).Select(k => k.NameIn(culture)).ToList())).ToList(), slice.Total);
    }

    /// <summary>The occupant's file cover with every paper the checklist lists, on file or not; null when there is no such occupant.</summary>
    public async Task<FileCover?> CoverAsync(int occupantId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var occupant = await db.Occupants.AsNoTracking().Where(o => o.Id == occupantId)
            .Select(o => new { o.Name, o.Role, o.UnitId, Unit = o.Unit!.Number, Building = o.Unit.Building!.Name, Estate = o.Unit.Building.Estate!.Name, o.Unit.Building.EstateId })
            .FirstOrDefaultAsync(ct);
        if (occupant is null)
            return null;
        var contents = await OccupantDocuments.ChecklistAsync(db, occupantId, mayRestricted: false, ct);
        return new FileCover(occupantId, occupant.UnitId, occupant.Estate, occupant.Building, occupant.Unit, occupant.Name, occupant.Role.ToString(),
            estateTime.Today(occupant.EstateId), contents);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Resources;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Registry;

/// <summary>Reads and changes the estate registry: estates, buildings, units and occupants.</summary>
public sealed partial class RegistryService(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    IStringLocalizer<RegistryText> text,
    IStringLocalizer<SharedText> sharedText,
    ILogger<RegistryService> logger)
{
    public async Task<IReadOnlyList<EstateNode>> GetEstateTreeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estates = await db.Estates.AsNoTracking().OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking()
            .Select(b => new BuildingNode(b.Id, b.EstateId, b.Code, b.Name, b.Version,
                b.Units.Count, b.Units.Count(u => u.Occupants.Any())))
            .ToListAsync(ct);
        return estates
            .Select(e => new EstateNode(e.Id, e.Name, buildings.Where(b => b.EstateId == e.Id).OrderBy(b => b.Code, CodeOrder.Instance).ToList()))
            .ToList();
    }

    /// <summary>
    /// One page of a building's units in natural order (floor, then number; reversed when descending), those whose number or an
    /// occupant's name contains <paramref name="filter"/> when one is given.
    /// </summary>
    public async Task<Slice<UnitRow>> GetUnitsAsync(int buildingId, string? filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = db.Units.AsNoTracking().Where(u => u.BuildingId == buildingId);
        if (TypedText.Text(filter) is { } text)
            units = units.Where(u => u.Number.Contains(text) || u.Occupants.Any(o => o.Name.Contains(text)));
        var slice = await units.OrderNaturallyBy(u => u, page.Descending).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Number, u.Floor, u.Area, u.Use, Names = u.Occupants.OrderBy(o => o.Role).ThenBy(o => o.Id).Select(o => o.Name).ToList() })
            .ToSliceAsync(page, ct);
        return new Slice<UnitRow>(slice.Rows.Select(r => new UnitRow(r.Id, r.Number, r.Floor, r.Area, r.Use, r.Names)).ToList(), slice.Total);
    }

    public async Task<UnitDetail?> GetUnitAsync(int unitId, CancellationToken ct = default)
    {
        var seeIds = await permissions.MayAsync(Can.SeeIdNumbers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Include(u => u.Building).Include(u => u.Occupants)
            .FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
            return null;
        var marks = await MoveIn.MoveInMarks.OfAsync(db, [.. unit.Occupants.Select(o => o.Id)], ct);
        var occupants = unit.Occupants.OrderBy(o => o.Role).ThenBy(o => o.Id)
            .Select(o => ToView(o, seeIds) with { MoveIn = marks.GetValueOrDefault(o.Id) }).ToList();
        return new UnitDetail(unit.Id, unit.Building!.EstateId, unit.BuildingId, unit.Building!.Code, unit.Building.Name, unit.Number, unit.Floor, unit.Area, unit.Use, unit.Version, occupants);
    }

    public async Task<RegistryCounts> GetCountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new RegistryCounts(
            await db.Buildings.CountAsync(ct),
            await db.Units.CountAsync(ct),
            await db.Occupants.CountAsync(ct),
            await db.Occupants.CountAsync(o => o.IsVip, ct));
    }

    public async Task<BuildingForm?> GetBuildingFormAsync(int buildingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.AsNoTracking().Where(b => b.Id == buildingId)
            .Select(b => new BuildingForm { Id = b.Id, EstateId = b.EstateId, Code = b.Code, Name = b.Name, Version = b.Version })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<UnitForm?> GetUnitFormAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new UnitForm { Id = u.Id, BuildingId = u.BuildingId, Number = u.Number, Floor = u.Floor, Area = u.Area, Use = u.Use, Version = u.Version })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<OccupantForm?> GetOccupantFormAsync(int occupantId, CancellationToken ct = default)
    {
        var seeIds = await permissions.MayAsync(Can.SeeIdNumbers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Occupants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == occupantId, ct);
        return o is null ? null : ToForm(o, seeIds);
    }

    private static OccupantView ToView(Occupant o, bool seeIds) =>
        new(o.Id, o.UnitId, o.Role, o.Kind, o.Name, o.Phone, o.Phone2, o.Email,
            seeIds ? o.IdNumber : NullIfEmpty(IdNumbers.Mask(o.IdNumber)), o.IsVip, o.VipNotes, o.PreferredLanguage, o.Version);

    private static OccupantForm ToForm(Occupant o, bool seeIds) => new()
    {
        Id = o.Id,
        UnitId = o.UnitId,
        Role = o.Role,
        Kind = o.Kind,
        Name = o.Name,
        Phone = o.Phone,
        Phone2 = o.Phone2,
        Email = o.Email,
        IdNumber = seeIds ? o.IdNumber : null,
        IdNumberMasked = NullIfEmpty(IdNumbers.Mask(o.IdNumber)),
        IsVip = o.IsVip,
        VipNotes = o.VipNotes,
        PreferredLanguage = o.PreferredLanguage,
        Version = o.Version,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Orders "2" before "10" and "201" before "1001": numeric codes by value, others as text.</summary>
    private sealed class CodeOrder : IComparer<string>
    {
        public static readonly CodeOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (int.TryParse(x, out var a) && int.TryParse(y, out var b))
                return a.CompareTo(b);
            return string.CompareOrdinal(x, y);
        }
    }
}

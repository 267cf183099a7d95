using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Registry;

public sealed partial class RegistryService
{
    public async Task<SaveResult<BuildingForm>> SaveBuildingAsync(BuildingForm form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditRegistry, ct))
            return Denied<BuildingForm>();
        var code = TypedText.Digits(form.Code);
        var name = TypedText.Text(form.Name);
        var errors = Localize(RegistryRules.CheckBuilding(code, name));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estateId = form.Id == 0 ? form.EstateId : await db.Buildings.Where(b => b.Id == form.Id).Select(b => b.EstateId).FirstOrDefaultAsync(ct);
        if (estateId == 0 || !await db.Estates.AnyAsync(e => e.Id == estateId, ct))
            return NotFound<BuildingForm>();
        if (code is not null && errors.All(e => e.Field != nameof(Building.Code))
            && await db.Buildings.AnyAsync(b => b.EstateId == estateId && b.Code == code && b.Id != form.Id, ct))
            errors.Add(Error(nameof(Building.Code), "BuildingCodeDuplicate", code));
        if (errors.Count > 0)
            return Invalid<BuildingForm>(errors);

        Building building;
        if (form.Id == 0)
        {
            building = new Building { EstateId = estateId, Code = code!, Name = name! };
            db.Buildings.Add(building);
        }
        else
        {
            building = (await db.Buildings.FirstOrDefaultAsync(b => b.Id == form.Id, ct))!;
            db.Entry(building).Property(b => b.Version).OriginalValue = form.Version;
            building.Code = code!;
            building.Name = name!;
        }
        return await SaveAsync(db, () => GetBuildingFormAsync(building.Id, ct),
            () => Task.FromResult<BuildingForm?>(new BuildingForm { Id = building.Id, EstateId = building.EstateId, Code = building.Code, Name = building.Name, Version = building.Version }),
            () => DuplicateBuildingAsync(estateId, code!, form.Id, ct), ct);
    }

    public async Task<SaveResult<UnitForm>> SaveUnitAsync(UnitForm form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditRegistry, ct))
            return Denied<UnitForm>();
        var number = TypedText.Digits(form.Number);
        var errors = Localize(RegistryRules.CheckUnit(number, form.Floor, form.Area));
        if (!Enum.IsDefined(form.Use))
            errors.Add(Error(nameof(Unit.Use), "UseRequired"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var buildingId = form.Id == 0 ? form.BuildingId : await db.Units.Where(u => u.Id == form.Id).Select(u => u.BuildingId).FirstOrDefaultAsync(ct);
        if (buildingId == 0 || !await db.Buildings.AnyAsync(b => b.Id == buildingId, ct))
            return NotFound<UnitForm>();
        if (number is not null && errors.All(e => e.Field != nameof(Unit.Number))
            && await db.Units.AnyAsync(u => u.BuildingId == buildingId && u.Number == number && u.Id != form.Id, ct))
            errors.Add(Error(nameof(Unit.Number), "UnitNumberDuplicate", number));
        if (errors.Count > 0)
            return Invalid<UnitForm>(errors);

        Unit unit;
        if (form.Id == 0)
        {
            unit = new Unit { BuildingId = buildingId, Number = number!, Floor = form.Floor, Area = form.Area, Use = form.Use };
            db.Units.Add(unit);
        }
        else
        {
            unit = (await db.Units.FirstOrDefaultAsync(u => u.Id == form.Id, ct))!;
            db.Entry(unit).Property(u => u.Version).OriginalValue = form.Version;
            unit.Number = number!;
            unit.Floor = form.Floor;
            unit.Area = form.Area;
            unit.Use = form.Use;
        }
        return await SaveAsync(db, () => GetUnitFormAsync(unit.Id, ct),
            () => Task.FromResult<UnitForm?>(new UnitForm { Id = unit.Id, BuildingId = unit.BuildingId, Number = unit.Number, Floor = unit.Floor, Area = unit.Area, Use = unit.Use, Version = unit.Version }),
            () => DuplicateUnitAsync(buildingId, number!, form.Id, ct), ct);
    }

    public async Task<SaveResult<OccupantForm>> SaveOccupantAsync(OccupantForm form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditRegistry, ct))
            return Denied<OccupantForm>();
        var seeIds = await permissions.MayAsync(Can.SeeIdNumbers, ct);
        var name = TypedText.Text(form.Name);
        var phone = TypedText.Digits(form.Phone);
        var phone2 = TypedText.Digits(form.Phone2);
        var email = TypedText.Text(form.Email);
        var idNumber = TypedText.Digits(form.IdNumber)?.ToUpperInvariant();
        var vipNotes = TypedText.Text(form.VipNotes);
        var language = NullIfEmpty(form.PreferredLanguage) ?? Languages.Cultures.SimplifiedChinese;
        var errors = Localize(RegistryRules.CheckOccupant(form.Kind, name, phone, phone2, email, idNumber, language));
        if (!Enum.IsDefined(form.Role))
            errors.Add(Error(nameof(Occupant.Role), "RoleRequired"));
        if (vipNotes is { Length: > 1000 })
            errors.Add(Error(nameof(Occupant.VipNotes), "NameTooLong", 1000));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var occupant = form.Id == 0 ? null : await db.Occupants.FirstOrDefaultAsync(o => o.Id == form.Id, ct);
        var unitId = occupant?.UnitId ?? form.UnitId;
        if ((form.Id != 0 && occupant is null) || !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            return NotFound<OccupantForm>();
        if (errors.Count > 0)
            return Invalid<OccupantForm>(errors);

        if (occupant is null)
        {
            occupant = new Occupant { UnitId = unitId, Name = name! };
            db.Occupants.Add(occupant);
        }
        else
        {
            db.Entry(occupant).Property(o => o.Version).OriginalValue = form.Version;
        }
        occupant.Role = form.Role;
        occupant.Kind = form.Kind;
        occupant.Name = name!;
        occupant.Phone = phone;
        occupant.Phone2 = phone2;
        occupant.Email = email;
        // Users who only ever saw the masked number leave the field empty to keep it.
        if (seeIds || idNumber is not null || form.Id == 0)
            occupant.IdNumber = idNumber;
        occupant.VipNotes = vipNotes;
        occupant.PreferredLanguage = language;
        return await SaveAsync(db, () => GetOccupantFormAsync(occupant.Id, ct),
            () => Task.FromResult<OccupantForm?>(ToForm(occupant, seeIds)), () => Task.FromResult<FieldError?>(null), ct);
    }

    /// <summary>
    /// Saves, turning a concurrent edit into a conflict carrying the other user's record, and a lost race on a
    /// unique key into the same duplicate message the form shows.
    /// </summary>
    private async Task<SaveResult<T>> SaveAsync<T>(AppDbContext db, Func<Task<T?>> reload, Func<Task<T?>> saved,
        Func<Task<FieldError?>> duplicate, CancellationToken ct)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult<T>.Saved((await saved())!);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent edit of a {Record} detected; the second writer gets the fresh record", typeof(T).Name);
            var fresh = await reload();
            return fresh is null
                ? NotFound<T>()
                : new SaveResult<T>(SaveOutcome.Conflict, fresh, [new FieldError("", sharedText["ConcurrencyConflict"])]);
        }
        catch (DbUpdateException)
        {
            // Another user added the same code or number between our check and the insert.
            if (await duplicate() is { } error)
                return Invalid<T>([error]);
            throw;
        }
    }

    private async Task<FieldError?> DuplicateBuildingAsync(int estateId, string code, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.AnyAsync(b => b.EstateId == estateId && b.Code == code && b.Id != id, ct)
            ? Error(nameof(Building.Code), "BuildingCodeDuplicate", code)
            : null;
    }

    private async Task<FieldError?> DuplicateUnitAsync(int buildingId, string number, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AnyAsync(u => u.BuildingId == buildingId && u.Number == number && u.Id != id, ct)
            ? Error(nameof(Unit.Number), "UnitNumberDuplicate", number)
            : null;
    }

    private List<FieldError> Localize(IEnumerable<RuleViolation> violations) =>
        violations.Select(v => Error(v.Field, v.MessageKey, v.Arguments)).ToList();

    private FieldError Error(string field, string key, params object[] arguments) => new(field, text[key, arguments]);

    private static SaveResult<T> Invalid<T>(List<FieldError> errors) => new(SaveOutcome.Invalid, default, errors);

    private SaveResult<T> Denied<T>() => new(SaveOutcome.Denied, default, [new FieldError("", sharedText["AccessDenied"])]);

    private SaveResult<T> NotFound<T>() => new(SaveOutcome.NotFound, default, [new FieldError("", sharedText["NotFound"])]);
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.PaidServices;

/// <summary>
/// Paid services (有償服務, P1§7.4): recorded by the staff who did the work, confirmed by the occupant's signature on
/// the tablet, then billed once by the monthly payment request. A signed service is never changed or removed;
/// an unsigned one may be corrected or deleted (the audit trail keeps what it was).
/// </summary>
public sealed partial class PaidServiceService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, EstateTime estateTime, TimeProvider clock)
{
    public async Task<PaidServiceResult> RecordAsync(PaidServiceInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RecordPaidServices, ct))
            return PaidServiceResult.Fail("", "NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Id, u.Building!.EstateId }).SingleOrDefaultAsync(ct);
        var (price, errors) = Check(input, unit?.EstateId);
        if (errors.Count > 0)
            return new PaidServiceResult(errors);
        if (unit is null)
            return PaidServiceResult.Fail("", "UnitNotFound");
        if (!await db.Occupants.AnyAsync(o => o.Id == input.OccupantId && o.UnitId == unit.Id, ct))
            return PaidServiceResult.Fail(nameof(input.OccupantId), "OccupantRequired");
        var who = await actor.GetAsync();
        var service = new PaidService
        {
            EstateId = unit.EstateId,
            UnitId = unit.Id,
            OccupantId = input.OccupantId,
            ServiceType = input.ServiceType!.Trim(),
            Description = Clean(input.Description),
            Price = price,
            ServiceDate = input.ServiceDate!.Value,
            StaffName = Clean(input.StaffName) ?? who.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        db.PaidServices.Add(service);
        await db.SaveChangesAsync(ct);
        return PaidServiceResult.Saved(service.Id);
    }

    /// <summary>Corrects a service not yet signed: what the occupant signs is what is billed.</summary>
    public async Task<PaidServiceResult> UpdateAsync(int id, int version, PaidServiceInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RecordPaidServices, ct))
            return PaidServiceResult.Fail("", "NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.PaidServices.SingleOrDefaultAsync(s => s.Id == id, ct);
        var (price, errors) = Check(input, service?.EstateId);
        if (errors.Count > 0)
            return new PaidServiceResult(errors);
        if (service is null)
            return PaidServiceResult.Fail("", "ServiceNotFound");
        if (service.SignedAt is not null)
            return PaidServiceResult.Fail("", "AlreadySigned");
        if (!await db.Occupants.AnyAsync(o => o.Id == input.OccupantId && o.UnitId == service.UnitId, ct))
            return PaidServiceResult.Fail(nameof(input.OccupantId), "OccupantRequired");
        db.Entry(service).Property(s => s.Version).OriginalValue = version;
        service.OccupantId = input.OccupantId;
        service.ServiceType = input.ServiceType!.Trim();
        service.Description = Clean(input.Description);
        service.Price = price;
        service.ServiceDate = input.ServiceDate!.Value;
        service.StaffName = Clean(input.StaffName) ?? service.StaffName;
        return await SaveAsync(db, service.Id, ct);
    }

    /// <summary>Stores the occupant's signature, witnessed by the signed-in staff member. Once signed, the service is settled for billing.</summary>
    public async Task<PaidServiceResult> SignAsync(int id, int version, string? signature, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RecordPaidServices, ct))
            return PaidServiceResult.Fail("", "NotAllowed");
        if (PaidServiceRules.Signature(signature) is { } error)
            return PaidServiceResult.Fail("Signature", error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.PaidServices.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
            return PaidServiceResult.Fail("", "ServiceNotFound");
        if (service.SignedAt is not null)
            return PaidServiceResult.Fail("", "AlreadySigned");
        db.Entry(service).Property(s => s.Version).OriginalValue = version;
        service.Signature = signature!.Trim();
        service.SignedAt = clock.GetUtcNow();
        service.WitnessedBy = (await actor.GetAsync()).Name;
        return await SaveAsync(db, service.Id, ct);
    }

    /// <summary>Deletes a service the occupant has not signed (recorded by mistake or refused); a signed one stays.</summary>
    public async Task<PaidServiceResult> DeleteAsync(int id, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RecordPaidServices, ct))
            return PaidServiceResult.Fail("", "NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.PaidServices.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
            return PaidServiceResult.Fail("", "ServiceNotFound");
        if (service.SignedAt is not null)
            return PaidServiceResult.Fail("", "SignedCannotDelete");
        db.Entry(service).Property(s => s.Version).OriginalValue = version;
        db.PaidServices.Remove(service);
        return await SaveAsync(db, service.Id, ct);
    }

    public async Task<IReadOnlyList<PaidServiceRow>> ForUnitAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PaidServices.AsNoTracking().Where(s => s.UnitId == unitId)
            .Select(s => new PaidServiceRow(s.Id, s.Version, s.OccupantId,
                db.Occupants.Where(o => o.Id == s.OccupantId).Select(o => o.Name).FirstOrDefault() ?? "",
                s.ServiceType, s.Description, s.Price, s.ServiceDate, s.StaffName, s.SignedAt, s.WitnessedBy,
                db.PaymentRequests.Where(r => r.Id == s.PaymentRequestId).Select(r => (DateOnly?)r.Month).FirstOrDefault()))
            .ToListAsync(ct);
        // Newest first; sorted here because SQLite cannot order by the DateTimeOffset.
        return rows.OrderByDescending(r => r.ServiceDate).ThenByDescending(r => r.Id).ToList();
    }

    public async Task<PaidServiceSheet?> SheetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PaidServices.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s, u })
            .Join(db.Occupants, x => x.s.OccupantId, o => o.Id, (x, o) => new PaidServiceSheet(x.s.Id, x.s.Version, x.s.EstateId, x.u.Id,
                x.u.Building!.Code + "-" + x.u.Number, o.Name, o.PreferredLanguage, x.s.ServiceType, x.s.Description, x.s.Price,
                x.s.ServiceDate, x.s.StaffName, x.s.Signature, x.s.SignedAt, x.s.WitnessedBy))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The unit at an address typed as "1-1201" (building code, dash, number), with its occupants.</summary>
    public async Task<PaidServiceUnit?> FindUnitAsync(string? address, CancellationToken ct = default)
    {
        var match = AddressPattern().Match(Registry.TypedText.Digits(address) ?? "");
        if (!match.Success)
            return null;
        var (code, number) = (match.Groups[1].Value, match.Groups[2].Value);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Building!.Code == code && u.Number == number)
            .Select(u => new { u.Id, u.Building!.EstateId, u.Building.Code, u.Number }).FirstOrDefaultAsync(ct);
        return unit is null ? null : await UnitAsync(db, unit.Id, unit.EstateId, $"{unit.Code}-{unit.Number}", ct);
    }

    public async Task<PaidServiceUnit?> UnitAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Building!.EstateId, Address = u.Building.Code + "-" + u.Number }).SingleOrDefaultAsync(ct);
        return unit is null ? null : await UnitAsync(db, unitId, unit.EstateId, unit.Address, ct);
    }

    /// <summary>Today in the estate's time zone: services are done today or earlier.</summary>
    public DateOnly Today(int estateId) => estateTime.Today(estateId);

    private static async Task<PaidServiceUnit> UnitAsync(AppDbContext db, int unitId, int estateId, string address, CancellationToken ct)
    {
        var occupants = await db.Occupants.AsNoTracking().Where(o => o.UnitId == unitId).OrderBy(o => o.Role).ThenBy(o => o.Id)
            .Select(o => new PaidServiceOccupant(o.Id, o.Name)).ToListAsync(ct);
        return new PaidServiceUnit(unitId, estateId, address, occupants);
    }

    /// <summary>Checks what was typed; the service date against today on the unit's estate's calendar (not when the unit is unknown).</summary>
    private (decimal Price, Dictionary<string, string> Errors) Check(PaidServiceInput input, int? estateId)
    {
        var errors = new Dictionary<string, string>();
        Add(nameof(input.ServiceType), PaidServiceRules.ServiceType(input.ServiceType));
        Add(nameof(input.Description), PaidServiceRules.Description(input.Description));
        Add(nameof(input.StaffName), PaidServiceRules.StaffName(input.StaffName));
        Add(nameof(input.ServiceDate), PaidServiceRules.ServiceDate(input.ServiceDate, estateId is { } id ? Today(id) : DateOnly.MaxValue));
        if (input.OccupantId <= 0)
            errors[nameof(input.OccupantId)] = "OccupantRequired";
        var (price, priceError) = FeeRules.ParseAmount(input.Price);
        Add(nameof(input.Price), priceError ?? (price == 0 ? "AmountMustBePositive" : null));
        return (price ?? 0, errors);

        void Add(string field, string? error)
        {
            if (error is not null)
                errors[field] = error;
        }
    }

    private static async Task<PaidServiceResult> SaveAsync(AppDbContext db, int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return PaidServiceResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PaidServiceResult.Fail("", "ConcurrencyConflict");
        }
    }

    private static string? Clean(string? text) => Registry.TypedText.Text(text);

    [GeneratedRegex(@"^([0-9A-Za-z]{1,16})\s*-\s*([0-9A-Za-z]{1,16})$")]
    private static partial Regex AddressPattern();
}

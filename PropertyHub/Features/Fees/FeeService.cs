using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees;

/// <summary>A fee item as it is edited: its texts are checked by <see cref="FeeRules"/>.</summary>
public sealed class FeeItemInput
{
    public string? Code { get; set; }
    public string? NameHans { get; set; }
    public string? NameHant { get; set; }
    public string? NameEn { get; set; }
    public FeeBasis Basis { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>The outcome of a change: empty errors mean it was saved. Keys are FeesText keys; field "" is the whole form.</summary>
public sealed record FeeResult(IReadOnlyDictionary<string, string> Errors)
{
    public static readonly FeeResult Saved = new(new Dictionary<string, string>());

    public bool Ok => Errors.Count == 0;

    public static FeeResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });
}

public sealed record FeeRateRow(UnitUse Use, decimal Amount, DateOnly EffectiveFrom);

/// <summary>One fee item with its rate in force on a day, per unit use, and any later rate already set.</summary>
public sealed record FeeStandardRow(int Id, int Version, string Code, FeeItem Item, FeeBasis Basis, bool IsActive,
    IReadOnlyList<FeeRateRow> Current, IReadOnlyList<FeeRateRow> Upcoming);

/// <summary>Fee items and their rates (P1§7.1): read by everyone, changed by Finance.</summary>
public sealed class FeeService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, Settings.EstateTime estateTime, TimeProvider clock)
{
    public async Task<IReadOnlyList<FeeStandardRow>> StandardAsync(int estateId, DateOnly day, bool activeOnly, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.FeeItems.AsNoTracking().Include(i => i.Rates)
            .Where(i => i.EstateId == estateId && (!activeOnly || i.IsActive))
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        return items.Select(i => new FeeStandardRow(i.Id, i.Version, i.Code, i, i.Basis, i.IsActive,
            Enum.GetValues<UnitUse>().Select(u => FeeCalculator.RateOn(i.Rates, u, day)).OfType<FeeRate>()
                .Select(r => new FeeRateRow(r.Use, r.Amount, r.EffectiveFrom)).ToList(),
            i.Rates.Where(r => r.EffectiveFrom > day).OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Use)
                .Select(r => new FeeRateRow(r.Use, r.Amount, r.EffectiveFrom)).ToList())).ToList();
    }

    public async Task<FeeResult> AddItemAsync(int estateId, FeeItemInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditFeeItems, ct))
            return FeeResult.Fail("", "NotAllowed");
        var errors = Check(input);
        if (errors.Count > 0)
            return new FeeResult(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = input.Code!.Trim();
        if (await db.FeeItems.AnyAsync(i => i.EstateId == estateId && i.Code == code, ct))
            return FeeResult.Fail(nameof(FeeItemInput.Code), "CodeTaken");
        var order = await db.FeeItems.Where(i => i.EstateId == estateId).Select(i => (int?)i.Order).MaxAsync(ct) ?? 0;
        db.FeeItems.Add(new FeeItem
        {
            EstateId = estateId,
            Code = code,
            NameHans = input.NameHans!.Trim(),
            NameHant = input.NameHant!.Trim(),
            NameEn = input.NameEn!.Trim(),
            Basis = input.Basis,
            IsActive = input.IsActive,
            Order = order + 1,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return FeeResult.Saved;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return FeeResult.Fail(nameof(FeeItemInput.Code), "CodeTaken");
        }
    }

    /// <summary>Changes an item's names, basis and active flag; its code stays.</summary>
    public async Task<FeeResult> UpdateItemAsync(int itemId, int version, FeeItemInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditFeeItems, ct))
            return FeeResult.Fail("", "NotAllowed");
        var errors = Check(input);
        errors.Remove(nameof(FeeItemInput.Code));
        if (errors.Count > 0)
            return new FeeResult(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.FeeItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
            return FeeResult.Fail("", "ItemNotFound");
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        item.NameHans = input.NameHans!.Trim();
        item.NameHant = input.NameHant!.Trim();
        item.NameEn = input.NameEn!.Trim();
        item.Basis = input.Basis;
        item.IsActive = input.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
            return FeeResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return FeeResult.Fail("", "ConcurrencyConflict");
        }
    }

    /// <summary>Sets a rate of an item for a unit use from a date on. A rate already in force is never changed: a later one replaces it.</summary>
    public async Task<FeeResult> AddRateAsync(int itemId, UnitUse use, string? amountText, DateOnly? effectiveFrom, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditFeeItems, ct))
            return FeeResult.Fail("", "NotAllowed");
        var (amount, amountError) = FeeRules.ParseAmount(amountText);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var itemEstate = await db.FeeItems.Where(i => i.Id == itemId).Select(i => (int?)i.EstateId).SingleOrDefaultAsync(ct);
        var errors = new Dictionary<string, string>();
        if (amountError is not null)
            errors["Amount"] = amountError;
        if (effectiveFrom is null)
            errors["EffectiveFrom"] = "EffectiveFromRequired";
        else if (itemEstate is { } estateId && effectiveFrom < FirstOfThisMonth(estateId))
            errors["EffectiveFrom"] = "EffectiveFromPast";
        if (errors.Count > 0)
            return new FeeResult(errors);
        if (itemEstate is null)
            return FeeResult.Fail("", "ItemNotFound");
        if (await db.FeeRates.AnyAsync(r => r.FeeItemId == itemId && r.Use == use && r.EffectiveFrom == effectiveFrom, ct))
            return FeeResult.Fail("EffectiveFrom", "RateExists");
        var who = await actor.GetAsync();
        db.FeeRates.Add(new FeeRate { FeeItemId = itemId, Use = use, Amount = amount!.Value, EffectiveFrom = effectiveFrom!.Value, CreatedAt = clock.GetUtcNow(), CreatedBy = who.Name });
        try
        {
            await db.SaveChangesAsync(ct);
            return FeeResult.Saved;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return FeeResult.Fail("EffectiveFrom", "RateExists");
        }
    }

    /// <summary>Today in the estate's time zone.</summary>
    public DateOnly Today(int estateId) => estateTime.Today(estateId);

    /// <summary>Months already begun may have been billed: a new rate starts this month (on the estate's calendar) at the earliest.</summary>
    private DateOnly FirstOfThisMonth(int estateId)
    {
        var today = Today(estateId);
        return new DateOnly(today.Year, today.Month, 1);
    }

    private static Dictionary<string, string> Check(FeeItemInput input)
    {
        var errors = new Dictionary<string, string>();
        Add(nameof(input.Code), FeeRules.Code(input.Code));
        Add(nameof(input.NameHans), FeeRules.Name(input.NameHans));
        Add(nameof(input.NameHant), FeeRules.Name(input.NameHant));
        Add(nameof(input.NameEn), FeeRules.Name(input.NameEn));
        if (!Enum.IsDefined(input.Basis))
            errors[nameof(input.Basis)] = "BasisInvalid";
        return errors;

        void Add(string field, string? error)
        {
            if (error is not null)
                errors[field] = error;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Registry.Import;

/// <summary>
/// Carries out a previewed import in one transaction: every building, unit and occupant is written, or none is.
/// Records changed by someone else since the preview stop the import (their Version no longer matches).
/// </summary>
public sealed class RegistryImporter(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, ILogger<RegistryImporter> logger)
{
    /// <summary>Units per SaveChanges, so the change tracker's work stays small on big files; all inside the one transaction.</summary>
    internal int BatchSize { get; init; } = 500;

    public async Task<ImportCommitResult> CommitAsync(ImportPreview preview, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ImportRegistry, ct))
            return ImportCommitResult.Refused("NotAllowed");
        if (!preview.CanCommit)
            return ImportCommitResult.Refused("FixErrorsFirst");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var result = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var applied = await ApplyAsync(db, preview, ct);
                if (applied)
                    await transaction.CommitAsync(ct);
                return applied;
            });
            if (!result)
                return ImportCommitResult.Refused("RegistryChanged");
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Registry import into estate {EstateId} stopped: records changed since the preview", preview.EstateId);
            return ImportCommitResult.Refused("RegistryChanged");
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Registry import into estate {EstateId} failed while saving", preview.EstateId);
            return ImportCommitResult.Refused("SaveFailed");
        }
        logger.LogInformation("Imported {NewUnits} new and {UpdatedUnits} updated units, {NewOccupants} new and {UpdatedOccupants} updated occupants into estate {EstateId}",
            preview.NewUnits, preview.UpdatedUnits, preview.NewOccupants, preview.UpdatedOccupants, preview.EstateId);
        return new ImportCommitResult(true, null, preview);
    }

    /// <summary>Applies the plan; false when the stored registry no longer matches what the preview saw.</summary>
    private async Task<bool> ApplyAsync(AppDbContext db, ImportPreview preview, CancellationToken ct)
    {
        var buildings = await RegistryImportValidator.LoadEstateAsync(db, preview.EstateId, tracking: true, ct);
        var byCode = buildings.ToDictionary(b => b.Code, StringComparer.Ordinal);
        var units = buildings.SelectMany(b => b.Units).ToDictionary(u => u.Id);
        var occupants = units.Values.SelectMany(u => u.Occupants).ToDictionary(o => o.Id);
        var taken = buildings.SelectMany(b => b.Units.Select(u => (b.Code, u.Number))).ToHashSet();
        var created = new HashSet<string>(StringComparer.Ordinal);
        var pending = 0;
        foreach (var plan in preview.Plan)
        {
            if (!byCode.TryGetValue(plan.BuildingCode, out var building))
            {
                if (plan.ExistingBuildingId is not null)
                    return false;
                building = new Building { EstateId = preview.EstateId, Code = plan.BuildingCode, Name = plan.BuildingName };
                db.Buildings.Add(building);
                byCode[plan.BuildingCode] = building;
                created.Add(plan.BuildingCode);
            }
            else if (plan.ExistingBuildingId != building.Id && !created.Contains(plan.BuildingCode))
            {
                return false; // removed, or created by someone else since the preview
            }
            building.Name = plan.BuildingName;

            Unit? unit;
            if (plan.ExistingUnitId is { } unitId)
            {
                if (!units.TryGetValue(unitId, out unit))
                    return false;
                db.Entry(unit).Property(u => u.Version).OriginalValue = plan.ExistingUnitVersion;
            }
            else
            {
                if (taken.Contains((plan.BuildingCode, plan.Number)))
                    return false;
                unit = new Unit { Number = plan.Number };
                building.Units.Add(unit);
            }
            unit.Floor = plan.Floor;
            unit.Area = plan.Area;
            unit.Use = plan.Use;

            foreach (var wanted in plan.Occupants)
            {
                Occupant? occupant;
                if (wanted.ExistingId is { } occupantId)
                {
                    if (!occupants.TryGetValue(occupantId, out occupant) || occupant.UnitId != unit.Id)
                        return false;
                    db.Entry(occupant).Property(o => o.Version).OriginalValue = wanted.ExistingVersion;
                }
                else
                {
                    occupant = new Occupant { Name = wanted.Name };
                    unit.Occupants.Add(occupant);
                }
                occupant.Role = wanted.Role;
                occupant.Kind = wanted.Kind;
                occupant.Name = wanted.Name;
                occupant.Phone = wanted.Phone;
                occupant.Phone2 = wanted.Phone2;
                occupant.Email = wanted.Email;
                if (!wanted.KeepIdNumber)
                    occupant.IdNumber = wanted.IdNumber;
                occupant.VipNotes = wanted.VipNotes;
                occupant.PreferredLanguage = wanted.PreferredLanguage;
            }

            if (++pending >= BatchSize)
            {
                await db.SaveChangesAsync(ct);
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// The move-in at the counter (P1§4.2–4.3): documents received, the house inspection whose defects each become a repair
/// work order, the key receipt signed on the tablet, the counter's receipts, and the move-in record, from which day the
/// unit is billed. Each change demands its action first and is checked against the version the clerk saw.
/// </summary>
public sealed partial class MoveInService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, WorkOrderService workOrders,
    IOptions<MoveInOptions> options, EstateTime estateTime, TimeProvider clock, IStringLocalizer<MoveInText> text,
    IStringLocalizer<PapersText> papers)
{
    /// <summary>
    /// Sets which of the configured documents were received (ticked); a key not in the list is refused. A document with a
    /// kind on the occupant's checklist (<see cref="MoveInItem.FileKind"/>) is put on file with the tick.
    /// </summary>
    public async Task<MoveInResult> ReceiveDocumentsAsync(int id, int version, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        if (keys.Any(k => options.Value.Documents.All(d => d.Key != k)))
            return MoveInResult.Fail("Documents", "DocumentUnknown");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.Include(m => m.Documents).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (MoveInRules.Open(moveIn) is { } closed)
            return MoveInResult.Fail("", closed);
        db.Entry(moveIn!).Property(m => m.Version).OriginalValue = version;
        var who = (await actor.GetAsync()).Name;
        var now = clock.GetUtcNow();
        var removed = moveIn!.Documents.Where(d => !keys.Contains(d.Key)).Select(d => d.Key).ToList();
        var added = keys.Distinct().Where(k => moveIn.Documents.All(d => d.Key != k)).ToList();
        moveIn.Documents.RemoveAll(d => !keys.Contains(d.Key));
        foreach (var key in added)
            moveIn.Documents.Add(new MoveInDocument { Key = key, ReceivedAt = now, ReceivedBy = who });
        // Ticked into the occupant's file in the same save: the tick never claims a paper that is not on file.
        await StageTicksAsync(db, moveIn, added, removed, who, ct);
        // The move-in's version moves with its documents: two clerks ticking at once do not both win.
        db.Entry(moveIn).State = EntityState.Modified;
        return await MoveInResult.SaveAsync(db, id, ct);
    }

    /// <summary>
    /// Records a defect of the house inspection and raises its repair work order (through the repairs service). The
    /// defect is saved first; should raising fail, the page raises it again (<see cref="RaiseWorkOrderAsync"/>).
    /// </summary>
    public async Task<MoveInResult> AddDefectAsync(int id, DefectInput input, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        var place = Registry.TypedText.Text(input.Place);
        var description = Registry.TypedText.Text(input.Description);
        var errors = new Dictionary<string, string>();
        if (place is null || place.Length > MoveInDefect.PlaceMax)
            errors[nameof(input.Place)] = place is null ? "PlaceRequired" : "PlaceTooLong";
        if (description is null || description.Length > MoveInDefect.DescriptionMax)
            errors[nameof(input.Description)] = description is null ? "DefectRequired" : "DefectTooLong";
        if (input.Category is not { } category || !Enum.IsDefined(category))
            errors[nameof(input.Category)] = "CategoryRequired";
        if (errors.Count > 0)
            return new MoveInResult(errors);
        var defect = new MoveInDefect
        {
            MoveInId = id, Place = place!, Description = description!, Category = input.Category!.Value,
            RecordedAt = clock.GetUtcNow(), RecordedBy = (await actor.GetAsync()).Name,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (MoveInRules.Open(moveIn) is { } closed)
                return MoveInResult.Fail("", closed);
            // A defect is part of an inspection still under way: only "Inspection done" marks the house inspected.
            db.MoveInDefects.Add(defect);
            await db.SaveChangesAsync(ct);
        }
        return await RaiseWorkOrderAsync(defect.Id, ct);
    }

    /// <summary>Raises the repair work order of a defect that has none yet (idempotent: a raised one is left alone).</summary>
    public async Task<MoveInResult> RaiseWorkOrderAsync(int defectId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var defect = await db.MoveInDefects.SingleOrDefaultAsync(d => d.Id == defectId, ct);
        if (defect is null)
            return MoveInResult.Fail("", "DefectNotFound");
        if (defect.WorkOrderId is not null)
            return MoveInResult.Saved(defect.MoveInId);
        var moveIn = await db.MoveIns.AsNoTracking().SingleAsync(m => m.Id == defect.MoveInId, ct);
        var raised = await workOrders.CreateAsync(new WorkOrderDraft
        {
            EstateId = moveIn.EstateId,
            Kind = WorkOrderKind.Repair,
            Location = RepairLocation.InUnit,
            UnitId = moveIn.UnitId,
            Category = defect.Category,
            Urgency = RepairUrgency.Normal,
            Description = text["DefectWorkOrder", defect.Place, defect.Description].Value is var d && d.Length > WorkOrder.MaxDescription ? d[..WorkOrder.MaxDescription] : d,
        }, ct);
        if (!raised.Succeeded)
            return MoveInResult.Fail("", "WorkOrderFailed");
        defect.WorkOrderId = raised.Order!.Id;
        await db.SaveChangesAsync(ct);
        return MoveInResult.Saved(defect.MoveInId);
    }

    /// <summary>The house inspection is done (with the defects recorded so far, or none).</summary>
    public async Task<MoveInResult> InspectAsync(int id, int version, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (MoveInRules.Open(moveIn) is { } closed)
            return MoveInResult.Fail("", closed);
        db.Entry(moveIn!).Property(m => m.Version).OriginalValue = version;
        moveIn!.InspectedAt = clock.GetUtcNow();
        moveIn.InspectedBy = (await actor.GetAsync()).Name;
        return await MoveInResult.SaveAsync(db, id, ct);
    }

    /// <summary>Writes the keys handed over on the key receipt; fixed once the owner has signed for them.</summary>
    public async Task<MoveInResult> SetKeysAsync(int id, int version, string? keys, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        var clean = Registry.TypedText.Text(keys);
        if (clean is null || clean.Length > UnitMoveIn.KeysMax)
            return MoveInResult.Fail("Keys", clean is null ? "KeysRequired" : "KeysTooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (MoveInRules.Open(moveIn) is { } closed)
            return MoveInResult.Fail("", closed);
        if (moveIn!.KeysSignedAt is not null)
            return MoveInResult.Fail("", "AlreadySigned");
        db.Entry(moveIn).Property(m => m.Version).OriginalValue = version;
        moveIn.Keys = clean;
        return await MoveInResult.SaveAsync(db, id, ct);
    }

    /// <summary>The owner signs the key receipt on the tablet, witnessed by the signed-in clerk.</summary>
    public async Task<MoveInResult> SignKeysAsync(int id, int version, string? signature, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        if (PaidServiceRules.Signature(signature) is { } error)
            return MoveInResult.Fail("Signature", error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (MoveInRules.Open(moveIn) is { } closed)
            return MoveInResult.Fail("", closed);
        if (moveIn!.KeysSignedAt is not null)
            return MoveInResult.Fail("", "AlreadySigned");
        if (moveIn.Keys is null)
            return MoveInResult.Fail("Keys", "KeysRequired");
        db.Entry(moveIn).Property(m => m.Version).OriginalValue = version;
        moveIn.KeysSignature = signature!.Trim();
        moveIn.KeysSignedAt = clock.GetUtcNow();
        moveIn.KeysWitnessedBy = (await actor.GetAsync()).Name;
        return await MoveInResult.SaveAsync(db, id, ct);
    }

    /// <summary>Files a payment taken at the counter (its receipt) with the move-in; the payment must be the unit's.</summary>
    public async Task<MoveInResult> AddReceiptAsync(int id, int paymentId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (moveIn is null)
            return MoveInResult.Fail("", "MoveInNotFound");
        if (!await db.Payments.AnyAsync(p => p.Id == paymentId && p.UnitId == moveIn.UnitId, ct))
            return MoveInResult.Fail("", "PaymentUnknown");
        if (await db.MoveInReceipts.AnyAsync(r => r.PaymentId == paymentId, ct))
            return MoveInResult.Saved(id);
        db.MoveInReceipts.Add(new MoveInReceipt { MoveInId = id, PaymentId = paymentId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Filed by a second click meanwhile.
        }
        return MoveInResult.Saved(id);
    }
}

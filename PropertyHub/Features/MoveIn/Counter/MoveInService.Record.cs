using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.MoveIn;

public sealed partial class MoveInService
{
    /// <summary>
    /// Completes the move-in: the move-in record (入伙注記) with who, when and what was done, and the day the unit is
    /// the owner's, billed from then (<see cref="UnitMoveIn.MovedInOn"/>). Only with the house inspected and the keys signed for.
    /// </summary>
    public async Task<MoveInResult> CompleteAsync(int id, int version, string? note, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        var clean = Registry.TypedText.Text(note);
        if (clean?.Length > UnitMoveIn.NoteMax)
            return MoveInResult.Fail("Note", "NoteTooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.Include(m => m.Documents).Include(m => m.Defects).Include(m => m.Receipts).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (moveIn is null)
            return MoveInResult.Fail("", "MoveInNotFound");
        if (MoveInRules.Complete(moveIn) is { } error)
            return MoveInResult.Fail("", error);
        if (moveIn.Defects.Any(d => d.WorkOrderId is null))
            return MoveInResult.Fail("", "DefectWithoutWorkOrder");
        var paymentIds = moveIn.Receipts.Select(r => r.PaymentId).ToList();
        var receipts = await db.Payments.AsNoTracking().Where(p => paymentIds.Contains(p.Id)).Select(p => p.ReceiptNumber).ToListAsync(ct);
        db.Entry(moveIn).Property(m => m.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        var who = (await actor.GetAsync()).Name;
        moveIn.MovedInOn = estateTime.LocalDate(moveIn.EstateId, now);
        moveIn.CompletedAt = now;
        moveIn.CompletedBy = who;
        moveIn.Record = RecordText(moveIn, receipts, clean);
        await StageCompletionAsync(db, moveIn, who, ct);
        return await MoveInResult.SaveAsync(db, id, ct);
    }

    /// <summary>What the move-in record says was done, kept as data so each reader reads it in their language (<see cref="MoveInRecordText"/>).</summary>
    private string RecordText(UnitMoveIn moveIn, IReadOnlyList<string> receipts, string? note) =>
        MoveInRecordText.Write(options.Value.Documents, moveIn.Documents.Select(d => d.Key).ToHashSet(), moveIn.Defects.OrderBy(d => d.Id).Select(d => d.WorkOrderId),
            moveIn.Keys, moveIn.KeysWitnessedBy, receipts, note);

    public async Task<MoveInSheet?> SheetAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.MoveIns.AsNoTracking().Include(x => x.Slot).Include(x => x.Documents).Include(x => x.Defects).Include(x => x.Receipts)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
            return null;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == m.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
        var owner = await db.Occupants.AsNoTracking().Where(o => o.Id == m.OccupantId).Select(o => new { o.Name, o.PreferredLanguage }).SingleAsync(ct);
        var paymentIds = m.Receipts.Select(r => r.PaymentId).ToList();
        var receipts = await db.Payments.AsNoTracking().Where(p => paymentIds.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.ReceiptNumber).ToListAsync(ct);
        return new MoveInSheet(m.Id, m.Version, m.EstateId, m.BatchId, m.UnitId, unit, m.OccupantId, owner.Name, owner.PreferredLanguage, m.Slot?.Label,
            m.Documents.Select(d => d.Key).ToHashSet(), m.InspectedAt, m.InspectedBy,
            [.. m.Defects.OrderBy(d => d.Id).Select(d => new DefectRow(d.Id, d.Place, d.Description, d.Category, d.WorkOrderId))],
            m.Keys, m.KeysSignature, m.KeysSignedAt, m.KeysWitnessedBy, paymentIds, receipts, m.MovedInOn, m.CompletedAt, m.CompletedBy, m.Record)
        {
            EstateName = await db.Estates.AsNoTracking().Where(e => e.Id == m.EstateId).Select(e => e.Name).SingleAsync(ct),
            Cancelled = m.Cancelled,
        };
    }

    /// <summary>
    /// The documents received at the counter, as (occupant, document key, received at, by). Those with a kind on the
    /// occupant's checklist are already on file (put there with the tick); the rest are kept on the move-in only.
    /// </summary>
    public async Task<IReadOnlyList<(int OccupantId, string Key, DateTimeOffset ReceivedAt, string ReceivedBy)>> ReceivedDocumentsAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.MoveInDocuments.AsNoTracking().Where(d => d.MoveInId == id)
            .Join(db.MoveIns, d => d.MoveInId, m => m.Id, (d, m) => new { m.OccupantId, d.Key, d.ReceivedAt, d.ReceivedBy }).ToListAsync(ct);
        return [.. rows.Select(r => (r.OccupantId, r.Key, r.ReceivedAt, r.ReceivedBy))];
    }

    /// <summary>The configured documents and preparations, for the page's checklist.</summary>
    public IReadOnlyList<MoveInItem> Documents => options.Value.Documents;
}

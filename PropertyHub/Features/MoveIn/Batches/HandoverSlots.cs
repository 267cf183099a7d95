using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// The owner's slot link (/h/…): the handover slots still free, and the pick. A slot serves one owner: two owners
/// picking it at the same second both try, and the unique key on the move-in's slot lets one in; the other is told it
/// is taken. An owner may change their pick until the handover; only the token's hash is stored.
/// </summary>
public sealed class HandoverSlots(IDbContextFactory<AppDbContext> dbFactory, PersonalLinkService links, Permissions permissions,
    MoveInNotices notices, EstateTime estateTime, TimeProvider clock, ILogger<HandoverSlots> logger)
{
    public async Task<(LinkState State, SlotLinkView? View)> ViewAsync(string? token, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PickHandoverSlots, ct);
        var resolved = await links.ResolveAsync(token, MoveInNotices.LinkPurpose, ct);
        if (resolved.State != LinkState.Valid)
            return (resolved.State, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.AsNoTracking().Include(m => m.Slot).SingleOrDefaultAsync(m => m.Id == resolved.Link!.SubjectId, ct);
        if (moveIn is null || moveIn.MovedInOn is not null)
            return (LinkState.Spent, null);
        var head = await db.MoveInBatches.AsNoTracking().Where(b => b.Id == moveIn.BatchId).Select(b => b.Name).SingleAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == moveIn.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
        var owner = await db.Occupants.AsNoTracking().Where(o => o.Id == moveIn.OccupantId).Select(o => new { o.Name, o.PreferredLanguage }).SingleAsync(ct);
        // What last happened to this unit on its own: moved to days of its own, or taken out of the batch.
        var own = await db.MoveInBatchChanges.AsNoTracking().Where(c => c.MoveInId == moveIn.Id).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        var note = own is null ? null : new UnitChangeNote(own.Kind, estateTime.LocalDate(moveIn.EstateId, own.At), new(own.ToFirstDay, own.ToLastDay), own.Reason);
        if (moveIn.Cancelled && own?.Kind == BatchChangeKind.UnitCancelled)
            return (LinkState.Valid, new SlotLinkView(unit, owner.Name, owner.PreferredLanguage, head, null, [], [], []) { UnitChange = note });
        if (moveIn.Cancelled)
        {
            // The batch was called off: the link says so, and why, instead of offering slots that no longer exist.
            var cancelled = await db.MoveInBatchChanges.AsNoTracking().Where(c => c.BatchId == moveIn.BatchId && c.Kind == BatchChangeKind.Cancelled)
                .OrderByDescending(c => c.Id).Select(c => new { c.At, c.Reason }).FirstAsync(ct);
            return (LinkState.Valid, new SlotLinkView(unit, owner.Name, owner.PreferredLanguage, head, null, [], [], [])
            {
                Cancelled = new BatchCancellation(estateTime.LocalDate(moveIn.EstateId, cancelled.At), cancelled.Reason),
            });
        }
        var today = estateTime.Today(moveIn.EstateId);
        var key = note is null ? 0 : moveIn.Id;
        var free = (await db.MoveInSlots.AsNoTracking().Where(s => s.BatchId == moveIn.BatchId && s.MoveInKey == key && s.Day >= today && !db.MoveIns.Any(m => m.SlotId == s.Id))
            .Select(s => new SlotChoice(s.Id, s.Day, s.Start, s.End)).ToListAsync(ct)).OrderBy(s => s.Day).ThenBy(s => s.Start).ToList();
        var culture = NoticeOutbox.CultureOf(owner.PreferredLanguage);
        var picked = moveIn.Slot is { } slot ? new SlotChoice(slot.Id, slot.Day, slot.Start, slot.End) : null;
        return (LinkState.Valid, new SlotLinkView(unit, owner.Name, owner.PreferredLanguage, head, picked, free,
            [.. notices.Documents.Select(d => d.In(culture))], [.. notices.Preparations.Select(p => p.In(culture))]) { UnitChange = note });
    }

    /// <summary>Takes the slot for the link's move-in (giving back the one held before), or says why not; nothing changes when refused.</summary>
    public async Task<MoveInResult> PickAsync(string? token, int slotId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PickHandoverSlots, ct);
        var resolved = await links.ResolveAsync(token, MoveInNotices.LinkPurpose, ct);
        if (resolved.State != LinkState.Valid)
            return MoveInResult.Fail("", "LinkInvalid");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == resolved.Link!.SubjectId, ct);
        if (MoveInRules.Open(moveIn) is { } closed)
            return MoveInResult.Fail("", closed);
        // A unit moved on its own picks among its own days' slots only; the others among the batch's.
        var key = await UnitMoves.Of(db, moveIn!.Id).AnyAsync(ct) ? moveIn.Id : 0;
        var slot = await db.MoveInSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.BatchId == moveIn.BatchId && s.MoveInKey == key, ct);
        if (slot is null || slot.Day < estateTime.Today(moveIn!.EstateId))
            return MoveInResult.Fail("Slot", "SlotUnknown");
        if (moveIn.SlotId == slot.Id)
            return MoveInResult.Saved(moveIn.Id);
        if (await db.MoveIns.AnyAsync(m => m.SlotId == slot.Id, ct))
            return MoveInResult.Fail("Slot", "SlotTaken");
        moveIn.SlotId = slot.Id;
        moveIn.SlotPickedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Someone else took it in the same second: the key decided.
            return MoveInResult.Fail("Slot", "SlotTaken");
        }
        catch (DbUpdateConcurrencyException)
        {
            return MoveInResult.Fail("", "ChangedMeanwhile");
        }
        logger.LogInformation("Move-in {MoveInId} picked handover slot {SlotId}", moveIn.Id, slot.Id);
        return MoveInResult.Saved(moveIn.Id);
    }
}

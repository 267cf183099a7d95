using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// One unit of a batch moved to days of its own (the buyer's loan is late) or taken out of the batch, with a reason,
/// each kept in the batch's history as a <see cref="MoveInBatchChange"/> naming the move-in. The other units are
/// untouched. A moved unit's pick is let go and its owner offered slots of the batch's times on the new days only; a
/// unit taken out is free for another batch. Its owner, if already sent the advance notice, is told once through the
/// outbox, in the change's transaction. The change is checked against the move-in's version, so the same change
/// clicked twice (or by two people) is saved once.
/// </summary>
public sealed class MoveInUnitChanges(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions,
    EstateTime estateTime, TimeProvider clock, IStringLocalizer<MoveInUnitText> text)
{
    /// <summary>Moves the unit's handover to <paramref name="firstDay"/>–<paramref name="lastDay"/> (one day when no last day is given).</summary>
    public async Task<MoveInResult> MoveAsync(int moveInId, int version, DateOnly? firstDay, DateOnly? lastDay, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PlanMoveIns, ct);
        var why = Registry.TypedText.Text(reason);
        var who = (await actor.GetAsync()).Name;
        return await Guarded(() => RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == moveInId, ct);
            if (moveIn is null)
                return MoveInResult.Fail("", "MoveInNotFound");
            var batch = await db.MoveInBatches.SingleAsync(b => b.Id == moveIn.BatchId, ct);
            var current = await UnitMoves.DaysAsync(db, moveIn.Id, batch, ct);
            var last = lastDay ?? firstDay;
            if (UnitChangeRules.Move(moveIn, batch, firstDay, last, current, why, estateTime.Today(moveIn.EstateId)) is { } error)
                return MoveInResult.Fail(UnitChangeRules.FieldOf(error), error);
            var days = new HandoverDays(firstDay!.Value, last!.Value);
            var change = await ChangeAsync(db, moveIn, version, batch, BatchChangeKind.UnitMoved, current, days, why, who, ct);
            // The batch's times of day, on each new day, for this owner alone.
            var times = await db.MoveInSlots.Where(s => s.BatchId == batch.Id && s.MoveInKey == 0).Select(s => new { s.Start, s.End }).Distinct().ToListAsync(ct);
            for (var day = days.First; day <= days.Last; day = day.AddDays(1))
                db.MoveInSlots.AddRange(times.Select(t => new MoveInSlot { BatchId = batch.Id, MoveInKey = moveIn.Id, Day = day, Start = t.Start, End = t.End }));
            // The slot link given with the advance notice stays open to the new last day.
            var until = change.At.AddDays(days.Last.DayNumber - DateOnly.FromDateTime(change.At.UtcDateTime).DayNumber + 2);
            foreach (var link in await db.PersonalLinks.Where(l => l.Purpose == MoveInNotices.LinkPurpose && l.SubjectId == moveIn.Id && l.RevokedAt == null).ToListAsync(ct))
                link.ExpiresAt = until;
            await NotifyAsync(db, moveIn, batch, change, ct);
            await db.SaveChangesAsync(ct);
            return MoveInResult.Saved(moveIn.Id);
        }, r => r.Ok, e => DbErrors.IsUniqueViolation(e), ct));
    }

    /// <summary>Takes the unit out of the batch: it is no longer handed over in it, its slot is free, and it may go into another batch.</summary>
    public async Task<MoveInResult> CancelAsync(int moveInId, int version, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PlanMoveIns, ct);
        var why = Registry.TypedText.Text(reason);
        var who = (await actor.GetAsync()).Name;
        return await Guarded(() => RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == moveInId, ct);
            if (moveIn is null)
                return MoveInResult.Fail("", "MoveInNotFound");
            var batch = await db.MoveInBatches.SingleAsync(b => b.Id == moveIn.BatchId, ct);
            if (UnitChangeRules.Change(moveIn, batch, why) is { } error)
                return MoveInResult.Fail(UnitChangeRules.FieldOf(error), error);
            var current = await UnitMoves.DaysAsync(db, moveIn.Id, batch, ct);
            moveIn.CancelKey = moveIn.Id;
            var change = await ChangeAsync(db, moveIn, version, batch, BatchChangeKind.UnitCancelled, current, current, why, who, ct);
            await NotifyAsync(db, moveIn, batch, change, ct);
            await db.SaveChangesAsync(ct);
            return MoveInResult.Saved(moveIn.Id);
        }, r => r.Ok, e => DbErrors.IsUniqueViolation(e), ct));
    }

    /// <summary>
    /// Saves the change against the version the user saw, with the pick let go and the unit's own slots of an earlier
    /// move removed. The move-in is always written, so of two changes of one version only one is saved.
    /// </summary>
    private async Task<MoveInBatchChange> ChangeAsync(AppDbContext db, UnitMoveIn moveIn, int version, MoveInBatch batch, BatchChangeKind kind,
        HandoverDays from, HandoverDays to, string? why, string who, CancellationToken ct)
    {
        db.Entry(moveIn).Property(m => m.Version).OriginalValue = version;
        db.Entry(moveIn).State = EntityState.Modified;
        (moveIn.SlotId, moveIn.SlotPickedAt) = (null, null);
        var change = new MoveInBatchChange
        {
            BatchId = batch.Id, MoveInId = moveIn.Id, Kind = kind, FromFirstDay = from.First, FromLastDay = from.Last, ToFirstDay = to.First, ToLastDay = to.Last,
            Reason = why, At = clock.GetUtcNow(), By = who,
        };
        db.MoveInBatchChanges.Add(change);
        await db.SaveChangesAsync(ct);
        db.MoveInSlots.RemoveRange(await db.MoveInSlots.Where(s => s.MoveInKey == moveIn.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return change;
    }

    /// <summary>One notice to this unit's owner, if they were sent the advance notice (else that notice, when sent, carries the change).</summary>
    private async Task NotifyAsync(AppDbContext db, UnitMoveIn moveIn, MoveInBatch batch, MoveInBatchChange change, CancellationToken ct)
    {
        if (!await db.Notices.AnyAsync(n => n.Kind == MoveInNotices.NoticeKind && n.SourceKey == MoveInNotices.Source(moveIn.Id), ct))
            return;
        var owner = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == moveIn.OccupantId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == moveIn.UnitId).Select(u => new { u.BuildingId, Address = u.Building!.Code + "-" + u.Number }).SingleAsync(ct);
        var days = new HandoverDays(change.ToFirstDay, change.ToLastDay).ToString();
        var reason = change.Reason ?? "—";
        NoticeOutbox.AddForOccupant(db, owner, new NoticePlace(batch.EstateId, unit.BuildingId), MoveInBatchChanges.NoticeKind, MoveInBatchChanges.Source(change.Id),
            culture => NoticeOutbox.WriteIn(culture, () => change.Kind == BatchChangeKind.UnitMoved
                ? new NoticeText(text["Notice.MovedSubject", unit.Address], text["Notice.MovedBody", owner.Name, unit.Address, batch.Name, days, reason])
                : new NoticeText(text["Notice.CancelledSubject", unit.Address], text["Notice.CancelledBody", owner.Name, unit.Address, batch.Name, reason])), change.At);
    }

    private static async Task<MoveInResult> Guarded(Func<Task<MoveInResult>> change)
    {
        try
        {
            return await change();
        }
        catch (DbUpdateConcurrencyException)
        {
            return MoveInResult.Fail("", "ChangedMeanwhile");
        }
    }
}

/// <summary>A unit's own days, from the last time it was moved on its own.</summary>
public static class UnitMoves
{
    /// <summary>The unit's moves, latest first.</summary>
    public static IQueryable<MoveInBatchChange> Of(AppDbContext db, int moveInId) =>
        db.MoveInBatchChanges.Where(c => c.MoveInId == moveInId && c.Kind == BatchChangeKind.UnitMoved).OrderByDescending(c => c.Id);

    /// <summary>The days the unit is handed over on: its last move's, else its batch's.</summary>
    public static async Task<HandoverDays> DaysAsync(AppDbContext db, int moveInId, MoveInBatch batch, CancellationToken ct)
    {
        var moved = await Of(db, moveInId).Select(c => new { c.ToFirstDay, c.ToLastDay }).FirstOrDefaultAsync(ct);
        return moved is null ? new HandoverDays(batch.FirstDay, batch.LastDay) : new HandoverDays(moved.ToFirstDay, moved.ToLastDay);
    }
}

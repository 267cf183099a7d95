using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// A batch's days moved or the batch cancelled (with a reason), each kept as a <see cref="MoveInBatchChange"/>. The owners
/// already sent the advance notice (and not moved in) are told of the change through the outbox: one notice per owner per
/// change, all in the change's transaction, so a retried or doubled change cannot tell anyone twice.
/// </summary>
public sealed class MoveInBatchChanges(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions,
    EstateTime estateTime, TimeProvider clock, IStringLocalizer<MoveInText> text)
{
    public const string NoticeKind = "move-in-change";

    public static string Source(int changeId) => $"move-in-change:{changeId}";

    /// <summary>
    /// Moves the batch to start on <paramref name="firstDay"/>, keeping its length: every slot moves by as many days, and an
    /// owner's pick moves with its slot. The owners' slot links stay open to the new last day.
    /// </summary>
    public async Task<MoveInResult> MoveAsync(int batchId, int version, DateOnly? firstDay, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PlanMoveIns, ct);
        var why = Registry.TypedText.Text(reason);
        if (why?.Length > MoveInBatchChange.ReasonMax)
            return MoveInResult.Fail("Reason", "ReasonTooLong");
        var who = (await actor.GetAsync()).Name;
        return await Guarded(() => RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var batch = await db.MoveInBatches.Include(b => b.Slots).SingleOrDefaultAsync(b => b.Id == batchId, ct);
            if (batch is null)
                return MoveInResult.Fail("", "BatchNotFound");
            if (MoveInRules.Move(batch, firstDay, estateTime.Today(batch.EstateId)) is { } error)
                return MoveInResult.Fail(error is "BatchCancelled" ? "" : "FirstDay", error);
            db.Entry(batch).Property(b => b.Version).OriginalValue = version;
            var shift = firstDay!.Value.DayNumber - batch.FirstDay.DayNumber;
            var change = new MoveInBatchChange
            {
                Kind = BatchChangeKind.Moved, FromFirstDay = batch.FirstDay, FromLastDay = batch.LastDay,
                ToFirstDay = batch.FirstDay.AddDays(shift), ToLastDay = batch.LastDay.AddDays(shift), Reason = why, At = clock.GetUtcNow(), By = who,
            };
            // Slots are unique on their day and start within the batch: moved by a few days they would meet their
            // neighbours half-way, so they are first parked far off, then put on their new days (one transaction).
            // A unit moved to days of its own keeps them, and its slots.
            const int parking = 100_000;
            var shared = batch.Slots.Where(s => s.MoveInKey == 0).ToList();
            foreach (var slot in shared)
                slot.Day = slot.Day.AddDays(parking);
            await db.SaveChangesAsync(ct);
            foreach (var slot in shared)
                slot.Day = slot.Day.AddDays(shift - parking);
            (batch.FirstDay, batch.LastDay) = (change.ToFirstDay, change.ToLastDay);
            batch.Changes.Add(change);
            await db.SaveChangesAsync(ct);
            await ExtendLinksAsync(db, batch, change.At, ct);
            await NotifyAsync(db, batch, change, ct);
            await db.SaveChangesAsync(ct);
            return MoveInResult.Saved(batch.Id);
        }, r => r.Ok, e => DbErrors.IsUniqueViolation(e), ct));
    }

    /// <summary>
    /// Cancels the batch with a reason: its move-ins stay as history, its units are free for another batch, the counter
    /// takes no more changes to them and the owners' slot links open a page saying the handover was cancelled and why.
    /// </summary>
    public async Task<MoveInResult> CancelAsync(int batchId, int version, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PlanMoveIns, ct);
        var why = Registry.TypedText.Text(reason);
        var who = (await actor.GetAsync()).Name;
        return await Guarded(() => RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var batch = await db.MoveInBatches.Include(b => b.MoveIns).SingleOrDefaultAsync(b => b.Id == batchId, ct);
            if (batch is null)
                return MoveInResult.Fail("", "BatchNotFound");
            if (MoveInRules.Cancel(batch, why, batch.MoveIns.Any(m => m.MovedInOn is not null)) is { } error)
                return MoveInResult.Fail(error is "ReasonRequired" or "ReasonTooLong" ? "Reason" : "", error);
            db.Entry(batch).Property(b => b.Version).OriginalValue = version;
            var now = clock.GetUtcNow();
            var change = new MoveInBatchChange
            {
                Kind = BatchChangeKind.Cancelled, FromFirstDay = batch.FirstDay, FromLastDay = batch.LastDay, ToFirstDay = batch.FirstDay,
                ToLastDay = batch.LastDay, Reason = why, At = now, By = who,
            };
            batch.CancelledAt = now;
            batch.Changes.Add(change);
            foreach (var moveIn in batch.MoveIns)
                moveIn.CancelKey = moveIn.Id;
            await db.SaveChangesAsync(ct);
            await NotifyAsync(db, batch, change, ct);
            await db.SaveChangesAsync(ct);
            return MoveInResult.Saved(batch.Id);
        }, r => r.Ok, e => DbErrors.IsUniqueViolation(e), ct));
    }

    /// <summary>The batch's history, oldest first.</summary>
    public async Task<IReadOnlyList<MoveInBatchChange>> HistoryAsync(int batchId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MoveInBatchChanges.AsNoTracking().Where(c => c.BatchId == batchId).OrderBy(c => c.Id).ToListAsync(ct);
    }

    /// <summary>A version moved meanwhile (the batch changed by someone else) is a clear refusal, like any other change.</summary>
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

    /// <summary>The slot links given with the advance notice stay valid to the batch's new last day (as when sent).</summary>
    private static async Task ExtendLinksAsync(AppDbContext db, MoveInBatch batch, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await db.MoveIns.Where(m => m.BatchId == batch.Id && m.CancelKey == 0 && !db.MoveInBatchChanges.Any(c => c.MoveInId == m.Id && c.Kind == BatchChangeKind.UnitMoved))
            .Select(m => m.Id).ToListAsync(ct);
        var until = now.AddDays(batch.LastDay.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber + 2);
        var links = await db.PersonalLinks.Where(l => l.Purpose == MoveInNotices.LinkPurpose && ids.Contains(l.SubjectId) && l.RevokedAt == null).ToListAsync(ct);
        foreach (var link in links)
            link.ExpiresAt = until;
    }

    /// <summary>One notice per owner already noticed and not moved in, naming their units (and the slot each keeps).</summary>
    private async Task NotifyAsync(AppDbContext db, MoveInBatch batch, MoveInBatchChange change, CancellationToken ct)
    {
        var sources = await db.MoveIns.Where(m => m.BatchId == batch.Id).Select(m => "move-in:" + m.Id).ToListAsync(ct);
        var noticed = await db.Notices.Where(n => n.Kind == MoveInNotices.NoticeKind && sources.Contains(n.SourceKey)).Select(n => n.SourceKey).Distinct().ToListAsync(ct);
        // A unit already taken out was told then; a unit moved to days of its own is not moved with the batch.
        var rows = await db.MoveIns.AsNoTracking().Where(m => m.BatchId == batch.Id && m.MovedInOn == null && noticed.Contains("move-in:" + m.Id))
            .Where(m => !db.MoveInBatchChanges.Any(c => c.MoveInId == m.Id
                && (c.Kind == BatchChangeKind.UnitCancelled || (change.Kind == BatchChangeKind.Moved && c.Kind == BatchChangeKind.UnitMoved))))
            .Select(m => new
            {
                m.OccupantId, Slot = m.Slot,
                Unit = db.Units.Where(u => u.Id == m.UnitId).Select(u => new { u.BuildingId, Address = u.Building!.Code + "-" + u.Number }).First(),
            }).ToListAsync(ct);
        var ownerIds = rows.Select(r => r.OccupantId).Distinct().ToList();
        var owners = await db.Occupants.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var days = $"{MoveInMessages.Day(change.ToFirstDay)}–{MoveInMessages.Day(change.ToLastDay)}";
        foreach (var group in rows.GroupBy(r => r.OccupantId))
        {
            var owner = owners[group.Key];
            var units = string.Join(", ", group.Select(r => r.Unit.Address + (r.Slot is { } s && change.Kind == BatchChangeKind.Moved ? $" ({s.Label})" : "")));
            var reason = change.Reason ?? "—";
            NoticeOutbox.AddForOccupant(db, owner, new NoticePlace(batch.EstateId, group.First().Unit.BuildingId), NoticeKind, Source(change.Id),
                culture => NoticeOutbox.WriteIn(culture, () => change.Kind == BatchChangeKind.Moved
                    ? new NoticeText(text["Change.MovedSubject", batch.Name], text["Change.MovedBody", owner.Name, units, days, reason])
                    : new NoticeText(text["Change.CancelledSubject", batch.Name], text["Change.CancelledBody", owner.Name, units, reason])), change.At);
        }
    }
}

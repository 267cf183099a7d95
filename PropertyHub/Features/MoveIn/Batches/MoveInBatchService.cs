using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// Move-in batches (P1§4.1): the units to hand over with their owners, the days and slots; the advance notice with the
/// slot link sent through the outbox, each owner once.
/// </summary>
public sealed class MoveInBatchService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, MoveInNotices notices,
    EstateTime estateTime, TimeProvider clock)
{
    /// <summary>Plans a batch: every unit named must exist on the estate, have an owner on file and not be in a batch already.</summary>
    public async Task<MoveInResult> CreateAsync(BatchInput input, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PlanMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Estates.AnyAsync(e => e.Id == input.EstateId, ct))
            return MoveInResult.Fail("", "EstateRequired");
        var errors = MoveInRules.Batch(input, estateTime.Today(input.EstateId));
        if (MoveInRules.Unreadable(input.Units) is { Count: > 0 } unreadable)
            errors[nameof(input.Units)] = "UnitUnreadable:" + string.Join(", ", unreadable.Take(5));
        if (errors.Count > 0)
            return new MoveInResult(errors);
        var addresses = MoveInRules.Addresses(input.Units);
        var codes = addresses.Select(a => a.Code).Distinct().ToList();
        var candidates = await db.Units.AsNoTracking().Where(u => u.Building!.EstateId == input.EstateId && codes.Contains(u.Building.Code))
            .Select(u => new
            {
                u.Id, u.Building!.Code, u.Number,
                Owner = u.Occupants.Where(o => o.Role == OccupantRole.Owner).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefault(),
                InBatch = db.MoveIns.Any(m => m.UnitId == u.Id && m.CancelKey == 0),
            }).ToListAsync(ct);
        var found = candidates.Where(c => addresses.Contains((c.Code, c.Number))).ToList();
        var unknown = addresses.Where(a => !found.Any(f => f.Code == a.Code && f.Number == a.Number)).Select(a => $"{a.Code}-{a.Number}").ToList();
        if (unknown.Count > 0)
            return MoveInResult.Fail(nameof(input.Units), "UnitUnknown:" + string.Join(", ", unknown.Take(5)));
        if (found.Where(f => f.Owner is null).Select(f => $"{f.Code}-{f.Number}").ToList() is { Count: > 0 } ownerless)
            return MoveInResult.Fail(nameof(input.Units), "UnitWithoutOwner:" + string.Join(", ", ownerless.Take(5)));
        if (found.Where(f => f.InBatch).Select(f => $"{f.Code}-{f.Number}").ToList() is { Count: > 0 } taken)
            return MoveInResult.Fail(nameof(input.Units), "UnitInBatch:" + string.Join(", ", taken.Take(5)));
        var batch = new MoveInBatch
        {
            EstateId = input.EstateId,
            Name = Registry.TypedText.Text(input.Name)!,
            FirstDay = input.FirstDay!.Value,
            LastDay = input.LastDay!.Value,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = (await actor.GetAsync()).Name,
            Slots = MoveInRules.Slots(input),
            MoveIns = [.. found.Select(f => new UnitMoveIn { EstateId = input.EstateId, UnitId = f.Id, OccupantId = f.Owner!.Value })],
        };
        db.MoveInBatches.Add(batch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another batch took one of the units meanwhile.
            return MoveInResult.Fail(nameof(input.Units), "UnitInBatch:");
        }
        return MoveInResult.Saved(batch.Id);
    }

    /// <summary>
    /// Sends the advance notice with the slot link to every owner of the batch not noticed yet, all in one transaction;
    /// a second send (or two at once) adds only what is missing. Returns the batch id; the count noticed is not needed.
    /// </summary>
    public async Task<MoveInResult> SendNoticesAsync(int batchId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PlanMoveIns, ct);
        return await RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var batch = await db.MoveInBatches.Include(b => b.MoveIns).SingleOrDefaultAsync(b => b.Id == batchId, ct);
            if (batch is null)
                return MoveInResult.Fail("", "BatchNotFound");
            if (batch.CancelledAt is not null)
                return MoveInResult.Fail("", "BatchCancelled");
            var sources = batch.MoveIns.Select(m => MoveInNotices.Source(m.Id)).ToList();
            var noticed = (await db.Notices.Where(n => n.Kind == MoveInNotices.NoticeKind && sources.Contains(n.SourceKey)).Select(n => n.SourceKey).ToListAsync(ct)).ToHashSet();
            // A unit taken out of the batch gets no notice; one moved on its own is told its own days.
            var todo = batch.MoveIns.Where(m => !noticed.Contains(MoveInNotices.Source(m.Id)) && m.MovedInOn is null && !m.Cancelled).ToList();
            var own = (await db.MoveInBatchChanges.Where(c => c.BatchId == batchId && c.Kind == BatchChangeKind.UnitMoved).OrderBy(c => c.Id).ToListAsync(ct))
                .GroupBy(c => c.MoveInId!.Value).ToDictionary(g => g.Key, g => new HandoverDays(g.Last().ToFirstDay, g.Last().ToLastDay));
            var ownerIds = todo.Select(m => m.OccupantId).ToList();
            var owners = await db.Occupants.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
            var unitIds = todo.Select(m => m.UnitId).ToList();
            var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
                .Select(u => new { u.Id, u.BuildingId, Address = u.Building!.Code + "-" + u.Number }).ToDictionaryAsync(u => u.Id, ct);
            var now = clock.GetUtcNow();
            foreach (var moveIn in todo)
            {
                var unit = units[moveIn.UnitId];
                notices.AddNotice(db, moveIn, owners[moveIn.OccupantId], new NoticePlace(batch.EstateId, unit.BuildingId), unit.Address, batch, now,
                    own.TryGetValue(moveIn.Id, out var days) ? days : null);
            }
            batch.NoticesSentAt ??= now;
            await db.SaveChangesAsync(ct);
            return MoveInResult.Saved(batch.Id);
        }, r => r.Ok, e => DbErrors.IsUniqueViolation(e) || e is DbUpdateConcurrencyException, ct);
    }

    /// <summary>The batches, newest first, a page at a time.</summary>
    public async Task<Slice<BatchRow>> PageAsync(PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MoveInBatches.AsNoTracking().OrderByDescending(b => b.FirstDay).ThenByDescending(b => b.Id)
            .Select(b => new BatchRow(b.Id, b.Name, b.FirstDay, b.LastDay, b.MoveIns.Count, b.MoveIns.Count(m => m.MovedInOn != null), b.NoticesSentAt, b.CancelledAt))
            .ToSliceAsync(page, ct);
    }

    public async Task<BatchView?> BatchAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeMoveIns, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.MoveInBatches.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Id, b.Version, b.EstateId, b.Name, b.FirstDay, b.LastDay, b.NoticesSentAt, b.CancelledAt, Slots = b.Slots.Count(s => s.MoveInKey == 0) }).SingleOrDefaultAsync(ct);
        if (batch is null)
            return null;
        var rows = await db.MoveIns.AsNoTracking().Where(m => m.BatchId == id)
            .Select(m => new
            {
                m.Id, Building = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Building!.Code).First(),
                Number = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Number).First(),
                Owner = db.Occupants.Where(o => o.Id == m.OccupantId).Select(o => o.Name).First(),
                m.Slot, Noticed = db.Notices.Any(n => n.Kind == MoveInNotices.NoticeKind && n.SourceKey == "move-in:" + m.Id), m.MovedInOn, m.Version, m.CancelKey,
            }).ToListAsync(ct);
        var history = await db.MoveInBatchChanges.AsNoTracking().Where(c => c.BatchId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var own = history.Where(c => c.Kind == BatchChangeKind.UnitMoved).GroupBy(c => c.MoveInId!.Value)
            .ToDictionary(g => g.Key, g => new HandoverDays(g.Last().ToFirstDay, g.Last().ToLastDay));
        var units = rows.OrderBy(r => r.Building.Length).ThenBy(r => r.Building, StringComparer.Ordinal).ThenBy(r => r.Number.Length).ThenBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new BatchUnitRow(r.Id, $"{r.Building}-{r.Number}", r.Owner, r.Slot?.Label, r.Noticed, r.MovedInOn)
            {
                Version = r.Version, Cancelled = r.CancelKey != 0, OwnDays = own.TryGetValue(r.Id, out var days) ? days : null,
            }).ToList();
        return new BatchView(batch.Id, batch.Version, batch.EstateId, batch.Name, batch.FirstDay, batch.LastDay, batch.NoticesSentAt, batch.Slots, units)
        {
            CancelledAt = batch.CancelledAt, History = history,
        };
    }
}

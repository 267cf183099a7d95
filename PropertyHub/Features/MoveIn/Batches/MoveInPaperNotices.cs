using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;

namespace PropertyHub.Features.MoveIn;

/// <summary>A batch's letters to print, framed by the estate's letter head.</summary>
public sealed record BatchLetters(LetterHead Head, IReadOnlyList<LetterRow> Letters);

/// <summary>
/// The batch's notices that go on paper: an owner with neither an e-mail address nor a mobile phone gets the advance
/// notice (with the slot link), the reminder and each change as a letter in the outbox (the outbox's rule). They are
/// listed and printed from the batch page, so the clerk handing the batch over sees who still needs one, and marked
/// printed there (the same marking as the building's letter batch, which also lists them).
/// </summary>
public sealed class MoveInPaperNotices(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, NoticeLinks links)
{
    private static readonly string[] Kinds = [MoveInNotices.NoticeKind, MoveInNotices.ReminderKind, MoveInBatchChanges.NoticeKind];

    /// <summary>The batch's letters still to print, by unit; null when there is no such batch.</summary>
    public async Task<BatchLetters?> PendingAsync(int batchId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PrintLetters, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.MoveInBatches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => db.Estates.Where(e => e.Id == b.EstateId).Select(e => new LetterHead(e.Id, e.Name, e.OfficeName, "")).First()).SingleOrDefaultAsync(ct);
        if (head is null)
            return null;
        var moveIns = await db.MoveIns.AsNoTracking().Where(m => m.BatchId == batchId)
            .Select(m => new { m.Id, m.OccupantId, Owner = db.Occupants.Where(o => o.Id == m.OccupantId).Select(o => o.Name).First(),
                Building = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Building!.Code).First(), Number = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Number).First() })
            .ToListAsync(ct);
        var changes = await db.MoveInBatchChanges.AsNoTracking().Where(c => c.BatchId == batchId).Select(c => new { c.Id, c.MoveInId, c.Kind }).ToListAsync(ct);
        var sources = moveIns.Select(m => MoveInNotices.Source(m.Id))
            .Concat(changes.Select(c => MoveInBatchChanges.Source(c.Id)))
            .Concat(changes.Where(c => c.Kind == BatchChangeKind.UnitMoved).Select(c => MoveInNotices.ReminderSource(c.MoveInId!.Value, c.Id))).ToList();
        var letters = await db.Notices.AsNoTracking()
            .Where(n => n.Channel == NoticeChannel.Letter && n.Status == NoticeStatus.Pending && Kinds.Contains(n.Kind) && sources.Contains(n.SourceKey))
            .OrderBy(n => n.Id).ToListAsync(ct);
        // An owner's letter names their units of the batch (a change notice covers them all).
        var owners = moveIns.OrderBy(m => m.Building.Length).ThenBy(m => m.Building, StringComparer.Ordinal).ThenBy(m => m.Number.Length).ThenBy(m => m.Number, StringComparer.Ordinal)
            .GroupBy(m => m.OccupantId).ToDictionary(g => g.Key, g => (g.First().Owner, Units: string.Join(", ", g.Select(m => $"{m.Building}-{m.Number}"))));
        var rows = letters.Where(n => n.OccupantId is { } o && owners.ContainsKey(o))
            .Select(n => new LetterRow(n.Id, n.Version, n.Subject, n.Body, links.Open(n.SealedLink), n.Language, owners[n.OccupantId!.Value].Owner,
                owners[n.OccupantId!.Value].Units, n.CreatedAt))
            .OrderBy(r => r.Unit.Length).ThenBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        return new BatchLetters(head, rows);
    }
}

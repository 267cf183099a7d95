using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Notices;

/// <summary>
/// Notices stored before links were sealed kept the URL in the clear. At start-up, under the start-up lock, those
/// already sent lose it (their channel no longer needs it) and the others (waiting, failed, cancelled: they may still
/// go out) get it sealed. Nothing is left to do after the first start, and the query then finds no rows.
/// </summary>
public static class PlainLinks
{
    private const int BatchSize = 500;

    /// <summary>Returns how many notices were cleared and how many sealed.</summary>
    public static async Task<(int Cleared, int Sealed)> SealOrClearAsync(IDbContextFactory<AppDbContext> dbFactory, NoticeLinks links, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IsBackground = true;
        var cleared = await db.Notices
            .Where(n => (n.SealedLink!.StartsWith("http://") || n.SealedLink!.StartsWith("https://")) && (n.Status == NoticeStatus.Sent || n.Channel == NoticeChannel.Board))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SealedLink, (string?)null), ct);
        var sealedCount = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await db.Notices
                .Where(n => n.SealedLink!.StartsWith("http://") || n.SealedLink!.StartsWith("https://"))
                .OrderBy(n => n.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
                return (cleared, sealedCount);
            foreach (var notice in batch)
                notice.SealedLink = links.Seal(notice.SealedLink!).Value;
            await db.SaveChangesAsync(ct);
            sealedCount += batch.Count;
        }
    }
}

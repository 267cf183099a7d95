using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Notices;

public sealed record NoticeFilter(NoticeStatus? Status = null, NoticeChannel? Channel = null, string? Kind = null, int Take = 200);

/// <summary>A letter in a building's print batch, with what the letter head and address need.</summary>
public sealed record LetterRow(int Id, int Version, string Subject, string Body, string? Link, string Language, string Recipient, string Unit, DateTimeOffset CreatedAt);

public sealed record PlaceOption(int Id, string Name);

public sealed record LetterHead(int EstateId, string EstateName, string OfficeName, string BuildingName);

/// <summary>
/// Reading notices, re-sending them, the letter batches and the board. Re-sending, cancelling and posting are for
/// <see cref="Can.ManageNotices"/>: checked here, not only on the pages.
/// </summary>
public sealed class NoticeService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, Permissions permissions, NoticeLinks links)
{
    public async Task<List<Notice>> ListAsync(NoticeFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notices.AsNoTracking();
        if (filter.Status is { } status)
            query = query.Where(n => n.Status == status);
        if (filter.Channel is { } channel)
            query = query.Where(n => n.Channel == channel);
        if (!string.IsNullOrWhiteSpace(filter.Kind))
            query = query.Where(n => n.Kind == filter.Kind);
        return await query.OrderByDescending(n => n.Id).Take(filter.Take).ToListAsync(ct);
    }

    public async Task<List<PlaceOption>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.OrderBy(e => e.Name).Select(e => new PlaceOption(e.Id, e.Name)).ToListAsync(ct);
    }

    public async Task<List<PlaceOption>> BuildingsAsync(int estateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.Where(b => b.EstateId == estateId).OrderBy(b => b.Code).Select(b => new PlaceOption(b.Id, b.Name)).ToListAsync(ct);
    }

    public async Task<LetterHead?> LetterHeadAsync(int buildingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.Where(b => b.Id == buildingId)
            .Select(b => new LetterHead(b.EstateId, b.Estate!.Name, b.Estate.OfficeName, b.Name)).SingleOrDefaultAsync(ct);
    }

    public async Task<List<string>> KindsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notices.Select(n => n.Kind).Distinct().OrderBy(k => k).ToListAsync(ct);
    }

    public async Task<List<Notice>> ForOccupantAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notices.AsNoTracking().Where(n => n.OccupantId == occupantId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(100).ToListAsync(ct);
    }

    /// <summary>Puts a failed or cancelled notice back in the outbox; false when it changed meanwhile or cannot be re-sent.</summary>
    public async Task<bool> ResendAsync(int id, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ManageNotices, ct))
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null || notice.Version != version || notice.Status is not (NoticeStatus.Failed or NoticeStatus.Cancelled))
            return false;
        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        notice.Status = NoticeStatus.Pending;
        notice.Attempts = 0;
        notice.NextAttemptAt = notice.Channel == NoticeChannel.Letter ? null : clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Takes a pending notice out of the outbox; false when it changed meanwhile.</summary>
    public async Task<bool> CancelAsync(int id, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ManageNotices, ct))
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null || notice.Version != version || notice.Status != NoticeStatus.Pending)
            return false;
        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        notice.Status = NoticeStatus.Cancelled;
        notice.NextAttemptAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The building's pending letters, by unit.</summary>
    public async Task<List<LetterRow>> PendingLettersAsync(int buildingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from n in db.Notices.AsNoTracking()
                          where n.Channel == NoticeChannel.Letter && n.BuildingId == buildingId && n.Status == NoticeStatus.Pending
                          join o in db.Occupants on n.OccupantId equals o.Id into os
                          from o in os.DefaultIfEmpty()
                          join u in db.Units on o.UnitId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          join b in db.Buildings on u.BuildingId equals b.Id into bs
                          from b in bs.DefaultIfEmpty()
                          select new { n, Name = o == null ? "" : o.Name, Code = b == null ? "" : b.Code, Number = u == null ? "" : u.Number })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.n.Id)
            .Select(r => new LetterRow(r.n.Id, r.n.Version, r.n.Subject, r.n.Body, links.Open(r.n.SealedLink), r.n.Language, r.Name, $"{r.Code}-{r.Number}", r.n.CreatedAt))
            .ToList();
    }

    /// <summary>
    /// Marks the printed letters delivered by hand (sent) and clears the links they carried; letters changed meanwhile
    /// are left as they are. Returns how many.
    /// </summary>
    public async Task<int> MarkDeliveredAsync(IReadOnlyCollection<LetterRow> letters, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.PrintLetters, ct);
        var now = clock.GetUtcNow();
        var done = 0;
        foreach (var letter in letters)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == letter.Id, ct);
            if (notice is null || notice.Status != NoticeStatus.Pending || notice.Channel != NoticeChannel.Letter || notice.Version != letter.Version)
                continue;
            db.Entry(notice).Property(n => n.Version).OriginalValue = letter.Version;
            notice.Status = NoticeStatus.Sent;
            notice.SentAt = now;
            notice.Attempts++;
            // Printed and in the reader's hands: the link is kept nowhere else.
            notice.SealedLink = null;
            try
            {
                await db.SaveChangesAsync(ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
            }
        }
        return done;
    }

    public async Task<List<Notice>> BoardAsync(int estateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notices.AsNoTracking()
            .Where(n => n.EstateId == estateId && n.Channel == NoticeChannel.Board && n.Status == NoticeStatus.Sent)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(100).ToListAsync(ct);
    }

    /// <summary>Posts a notice on the estate's board.</summary>
    public async Task<Notice> PostAsync(int estateId, NoticeText text, string language, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.ManageNotices, ct);
        // The form refuses a subject or body that is empty once invisible characters are gone; this is the last guard.
        if (TypedText.Text(text.Subject) is not { } subject || TypedText.Text(text.Body) is not { } body)
            throw new ArgumentException("A board notice needs a subject and a body.", nameof(text));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var notice = NoticeOutbox.AddBoard(db, estateId, "board", $"board:{Guid.NewGuid():N}", new NoticeText(subject, body), language, now);
        await db.SaveChangesAsync(ct);
        return notice;
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Notices;

/// <summary>Which notices a list shows: by state, channel and kind, a text in the subject, address or reader's name, one reader.</summary>
public sealed record NoticeFilter(NoticeStatus? Status = null, NoticeChannel? Channel = null, string? Kind = null, string? Search = null, int? OccupantId = null)
{
    /// <summary>Whether a choice made on the page narrows the list (an empty list then says so).</summary>
    public bool IsNarrowed => Status is not null || Channel is not null || !string.IsNullOrWhiteSpace(Kind) || !string.IsNullOrWhiteSpace(Search);
}

/// <summary>A notice as the lists show it: with its reader's name and unit ("1-1201"), null for the board.</summary>
public sealed record NoticeRow(Notice Notice, string? ReaderName, string? Unit);

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
    /// <summary>The columns a notices list may sort by; anything else is the default order, newest first.</summary>
    public static class SortBy
    {
        public const string Created = "created";
        public const string Kind = "kind";
        public const string Channel = "channel";
        public const string Status = "status";
        public const string Attempts = "attempts";
        public const string SentAt = "sent";
    }

    /// <summary>
    /// How far a notices list counts: beyond it the total reads "more than 1,000" (<see cref="Slice{T}.Total"/> is then
    /// <c>CountLimit + 1</c>), so the first page does the same work at 100,000 notices as at 1,000 — counting them all
    /// would cost a scan of the whole outbox on every page. Forty pages is further than anyone pages; the filters and
    /// the other sort direction reach any notice.
    /// </summary>
    public const int CountLimit = 1_000;

    /// <summary>
    /// One page of the notices that pass the filter, filtered, sorted and paged in the database (newest first by
    /// default, through the primary key), counted up to <see cref="CountLimit"/> + 1; the page's readers are named in
    /// one more query.
    /// </summary>
    public async Task<Slice<NoticeRow>> PageAsync(NoticeFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filtered(db, filter);
        var total = await filtered.Take(CountLimit + 1).CountAsync(ct);
        var notices = await Sorted(filtered, page).Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(ct);
        var readerIds = notices.Where(n => n.OccupantId is not null).Select(n => n.OccupantId!.Value).Distinct().ToList();
        var readers = readerIds.Count == 0
            ? []
            : await db.Occupants.AsNoTracking().Where(o => readerIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Unit!.Building!.Code, o.Unit.Number })
                .ToDictionaryAsync(o => o.Id, ct);
        var rows = notices.Select(n => n.OccupantId is { } id && readers.TryGetValue(id, out var reader)
            ? new NoticeRow(n, reader.Name, $"{reader.Code}-{reader.Number}")
            : new NoticeRow(n, null, null)).ToList();
        return new Slice<NoticeRow>(rows, total);
    }

    private static IQueryable<Notice> Filtered(AppDbContext db, NoticeFilter filter)
    {
        var query = db.Notices.AsNoTracking();
        if (filter.Status is { } status)
            query = query.Where(n => n.Status == status);
        if (filter.Channel is { } channel)
            query = query.Where(n => n.Channel == channel);
        if (!string.IsNullOrWhiteSpace(filter.Kind))
            query = query.Where(n => n.Kind == filter.Kind);
        if (filter.OccupantId is { } occupantId)
            query = query.Where(n => n.OccupantId == occupantId);
        if (TypedText.Text(filter.Search) is { } search)
        {
            var readers = db.Occupants.Where(o => o.Name.Contains(search)).Select(o => (int?)o.Id);
            query = query.Where(n => n.Subject.Contains(search) || (n.Address != null && n.Address.Contains(search)) || readers.Contains(n.OccupantId));
        }
        return query;
    }

    // Every order ends on the id, so a page boundary never splits or repeats rows that tie.
    private static IOrderedQueryable<Notice> Sorted(IQueryable<Notice> query, PageRequest page) => (page.SortBy, page.Descending) switch
    {
        (SortBy.Created, false) => query.OrderBy(n => n.Id),
        (SortBy.Kind, false) => query.OrderBy(n => n.Kind).ThenByDescending(n => n.Id),
        (SortBy.Kind, true) => query.OrderByDescending(n => n.Kind).ThenByDescending(n => n.Id),
        (SortBy.Channel, false) => query.OrderBy(n => n.Channel).ThenByDescending(n => n.Id),
        (SortBy.Channel, true) => query.OrderByDescending(n => n.Channel).ThenByDescending(n => n.Id),
        (SortBy.Status, false) => query.OrderBy(n => n.Status).ThenByDescending(n => n.Id),
        (SortBy.Status, true) => query.OrderByDescending(n => n.Status).ThenByDescending(n => n.Id),
        (SortBy.Attempts, false) => query.OrderBy(n => n.Attempts).ThenByDescending(n => n.Id),
        (SortBy.Attempts, true) => query.OrderByDescending(n => n.Attempts).ThenByDescending(n => n.Id),
        (SortBy.SentAt, false) => query.OrderBy(n => n.SentAt).ThenByDescending(n => n.Id),
        (SortBy.SentAt, true) => query.OrderByDescending(n => n.SentAt).ThenByDescending(n => n.Id),
        // Created descending and the default: ids are given in the order notices are created.
        _ => query.OrderByDescending(n => n.Id),
    };

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

    /// <summary>The building's whole batch of pending letters, for printing: by unit in natural order (1-101 before 1-1001).</summary>
    public async Task<List<LetterRow>> PendingLettersAsync(int buildingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await PendingLetters(db, buildingId).ToListAsync(ct)).Select(Letter).ToList();
    }

    /// <summary>One page of the building's pending letters, in the order they print.</summary>
    public async Task<Slice<LetterRow>> PendingLettersPageAsync(int buildingId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slice = await PendingLetters(db, buildingId).ToSliceAsync(page, ct);
        return new Slice<LetterRow>(slice.Rows.Select(Letter).ToList(), slice.Total);
    }

    private sealed record PendingLetter(Notice Notice, string Name, string Code, string Number);

    private static IQueryable<PendingLetter> PendingLetters(AppDbContext db, int buildingId) =>
        db.Notices.AsNoTracking()
            .Where(n => n.Channel == NoticeChannel.Letter && n.BuildingId == buildingId && n.Status == NoticeStatus.Pending)
            .Join(db.Occupants, n => n.OccupantId, o => (int?)o.Id, (n, o) => new { Notice = n, Occupant = o, Unit = o.Unit! })
            .OrderNaturallyBy(x => x.Unit).ThenBy(x => x.Notice.Id)
            .Select(x => new PendingLetter(x.Notice, x.Occupant.Name, x.Unit.Building!.Code, x.Unit.Number));

    private LetterRow Letter(PendingLetter r) =>
        new(r.Notice.Id, r.Notice.Version, r.Notice.Subject, r.Notice.Body, links.Open(r.Notice.SealedLink), r.Notice.Language, r.Name, $"{r.Code}-{r.Number}", r.Notice.CreatedAt);

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
        var notice = NoticeOutbox.AddBoard(db, estateId, NoticeOutbox.BoardKind, $"{NoticeOutbox.BoardKind}:{Guid.NewGuid():N}", new NoticeText(subject, body), language, now);
        await db.SaveChangesAsync(ct);
        return notice;
    }
}

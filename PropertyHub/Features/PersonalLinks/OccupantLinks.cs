using PropertyHub.Features.Accounts.Access;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Resources;

namespace PropertyHub.Features.PersonalLinks;

/// <summary>One of an occupant's personal links as staff see it on the unit page (never its token).</summary>
/// <param name="Replaced">A newer link for the same purpose stands in for this one: re-issue that one, if anything.</param>
public sealed record OccupantLinkRow(int Id, int Version, string Purpose, int SubjectId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, LinkState State,
    bool Replaced = false);

/// <summary>
/// An occupant's personal links for staff: revoke one (it leaked, or was sent to the wrong person) and re-issue it (a
/// new token for the same purpose, sent in a new notice through the occupant's channels). A revoked link is taken out
/// of every notice that still carries it; waiting e-mails and SMS that carry it are cancelled. For
/// <see cref="Can.RevokePersonalLinks"/>: checked here, not only on the page.
/// </summary>
public sealed class OccupantLinks(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    CurrentActor actor,
    Permissions permissions,
    NoticeLinks noticeLinks,
    IStringLocalizer<LinksText> text,
    IOptions<PersonalLinkOptions> options)
{
    /// <summary>The kind of the notice that carries a re-issued link.</summary>
    public const string ReissueKind = "personal-link";

    /// <summary>The occupant's latest links; none for a user who may not manage them.</summary>
    public async Task<List<OccupantLinkRow>> ForOccupantAsync(int occupantId, CancellationToken ct = default)
    {
        if (!await permissions.MayAsync(Can.RevokePersonalLinks, ct))
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.PersonalLinks.AsNoTracking().Where(l => l.OccupantId == occupantId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Take(50).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return links.Select(l => new OccupantLinkRow(l.Id, l.Version, l.Purpose, l.SubjectId, l.CreatedAt, l.ExpiresAt, PersonalLinkService.StateOf(l, l.Purpose, now),
            links.Any(n => n.Id > l.Id && n.Purpose == l.Purpose && n.SubjectId == l.SubjectId && n.RevokedAt is null))).ToList();
    }

    /// <summary>Revokes the link; false when the user may not, or it changed meanwhile, or it is revoked or spent already.</summary>
    public async Task<bool> RevokeAsync(int linkId, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RevokePersonalLinks, ct))
            return false;
        var by = (await actor.GetAsync()).Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var link = await db.PersonalLinks.SingleOrDefaultAsync(l => l.Id == linkId, ct);
                if (link is null || link.Version != version || link.RevokedAt is not null || link.UsedAt is not null)
                    return false;
                db.Entry(link).Property(l => l.Version).OriginalValue = version;
                Revoke(link, by);
                await TakeOutOfNoticesAsync(db, link, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return true;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Revokes the link (if still open) and issues a new one for the same purpose, lasting as long as the old one did,
    /// in a new notice to the occupant. Null when the user may not, the link changed meanwhile, or its purpose is done.
    /// </summary>
    public async Task<PersonalLink?> ReissueAsync(int linkId, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RevokePersonalLinks, ct))
            return null;
        var by = (await actor.GetAsync()).Name;
        var baseUrl = options.Value.PublicBaseUrl;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var old = await db.PersonalLinks.SingleOrDefaultAsync(l => l.Id == linkId, ct);
                if (old is null || old.Version != version || old.UsedAt is not null)
                    return null;
                // Re-issued once already (the newer link is still open): a second click must not make a second link.
                if (await db.PersonalLinks.AnyAsync(l => l.OccupantId == old.OccupantId && l.Purpose == old.Purpose && l.SubjectId == old.SubjectId
                        && l.Id > old.Id && l.RevokedAt == null, ct))
                    return null;
                var place = await (from o in db.Occupants
                                   where o.Id == old.OccupantId
                                   join u in db.Units on o.UnitId equals u.Id
                                   join b in db.Buildings on u.BuildingId equals b.Id
                                   select new { Occupant = o, Place = new NoticePlace(b.EstateId, b.Id) }).SingleAsync(ct);
                db.Entry(old).Property(l => l.Version).OriginalValue = version;
                if (old.RevokedAt is null)
                    Revoke(old, by);
                await TakeOutOfNoticesAsync(db, old, ct);

                var now = clock.GetUtcNow();
                var url = PersonalLinkService.Add(db, old.Purpose, old.SubjectId, old.OccupantId, now, old.ExpiresAt - old.CreatedAt, baseUrl);
                NoticeOutbox.AddForOccupant(db, place.Occupant, place.Place, ReissueKind, $"{ReissueKind}:{Guid.NewGuid():N}",
                    culture => Words(culture, place.Occupant.Name, old.Purpose), now, noticeLinks.Seal(url));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return db.PersonalLinks.Local.Single(l => l.Id != old.Id);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    private NoticeText Words(CultureInfo culture, string name, string purpose) => NoticeOutbox.WriteIn(culture, () =>
        new NoticeText(text["ReissueSubject"].Value, text["ReissueBody", name, text[PurposeKey(purpose)].Value].Value));

    /// <summary>The resource key of a purpose's name: "Purpose_survey", "Purpose_payment".</summary>
    public static string PurposeKey(string purpose) => "Purpose_" + purpose;

    private void Revoke(PersonalLink link, string by)
    {
        link.RevokedAt = clock.GetUtcNow();
        link.RevokedBy = by.Length <= 256 ? by : by[..256];
    }

    /// <summary>Clears the link from the occupant's notices that carry it, and cancels the e-mails and SMS still waiting to send it.</summary>
    private async Task TakeOutOfNoticesAsync(AppDbContext db, PersonalLink link, CancellationToken ct)
    {
        var carrying = await db.Notices.Where(n => n.OccupantId == link.OccupantId && n.SealedLink != null).ToListAsync(ct);
        foreach (var notice in carrying)
        {
            var url = noticeLinks.Open(notice);
            if (url is null || LinkTokens.Hash(url[(url.LastIndexOf('/') + 1)..]) != link.TokenHash)
                continue;
            notice.SealedLink = null;
            if (notice.Status == NoticeStatus.Pending && notice.Channel is NoticeChannel.Email or NoticeChannel.Sms)
            {
                notice.Status = NoticeStatus.Cancelled;
                notice.NextAttemptAt = null;
            }
        }
    }
}

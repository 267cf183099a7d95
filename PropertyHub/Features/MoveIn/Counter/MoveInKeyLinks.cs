using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>What the owner sees through the key-receipt link: the unit, the keys listed, and their signature once given.</summary>
public sealed record KeyLinkView(string Unit, string Owner, string Language, string Keys, string? Signature);

/// <summary>
/// The key receipt (鑰匙簽收表) signed by personal link (/mk/…) when the owner is not at the counter: the clerk sends the
/// link through the outbox in the owner's language; the owner signs on their phone. The same rules as the tablet (keys
/// listed, a move-in still open, signed once); the signature lands on the move-in like the tablet's, so the key receipt
/// goes on the occupant's file with the move-in record. Only the token's hash is stored; the signature spends the link.
/// </summary>
public sealed class MoveInKeyLinks(IDbContextFactory<AppDbContext> dbFactory, PersonalLinkService links, Permissions permissions,
    NoticeLinks noticeLinks, TimeProvider clock, IOptions<PersonalLinkOptions> options, IStringLocalizer<MoveInText> text)
{
    public const string Purpose = "move-in-keys";
    public const string NoticeKind = "move-in-keys-sign";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string UrlFor(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/mk/{token}";

    /// <summary>Sends the owner a link to sign the key receipt: refused unless the keys are listed and not signed for yet.</summary>
    public async Task<MoveInResult> SendAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (Refusal(moveIn) is { } error)
            return MoveInResult.Fail("", error);
        var owner = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == moveIn!.OccupantId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == moveIn!.UnitId).Select(u => new { u.BuildingId, Address = u.Building!.Code + "-" + u.Number }).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var token = LinkTokens.NewToken();
        db.PersonalLinks.Add(new PersonalLink
        {
            Purpose = Purpose, SubjectId = id, OccupantId = owner.Id, TokenHash = LinkTokens.Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        NoticeOutbox.AddForOccupant(db, owner, new NoticePlace(moveIn!.EstateId, unit.BuildingId), NoticeKind, $"move-in-keys:{id}:{Guid.NewGuid():N}",
            culture => NoticeOutbox.WriteIn(culture, () => new NoticeText(text["KeyLink.Subject", unit.Address], text["KeyLink.Body", owner.Name, unit.Address])),
            now, noticeLinks.Seal(UrlFor(options.Value.PublicBaseUrl, token)));
        await db.SaveChangesAsync(ct);
        return MoveInResult.Saved(id);
    }

    /// <summary>
    /// The key receipt the link opens, or why it opens nothing (forged, expired, revoked, spent, another purpose). A spent
    /// link still gives its receipt, so the page can say in the owner's language that it is already signed.
    /// </summary>
    public async Task<(LinkState State, KeyLinkView? View)> ViewAsync(string? token, CancellationToken ct = default)
    {
        var resolved = await links.ResolveAsync(token, Purpose, ct);
        if (resolved.State is not (LinkState.Valid or LinkState.Spent))
            return (resolved.State, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var view = await db.MoveIns.AsNoTracking().Where(m => m.Id == resolved.Link!.SubjectId && m.CancelKey == 0)
            .Select(m => new KeyLinkView(db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
                db.Occupants.Where(o => o.Id == m.OccupantId).Select(o => o.Name).First(),
                db.Occupants.Where(o => o.Id == m.OccupantId).Select(o => o.PreferredLanguage).First() ?? NoticeOutbox.DefaultLanguage,
                m.Keys ?? "", m.KeysSignature))
            .SingleOrDefaultAsync(ct);
        return view is null ? (LinkState.Unknown, null) : (resolved.State, view);
    }

    /// <summary>
    /// Stores the owner's signature given through the link, with the tablet's checks; the link is spent in the same save.
    /// The witness is the link itself. Returns the MoveInText key of the problem, or null when signed.
    /// </summary>
    public async Task<string?> SignAsync(string? token, string? signature, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.SignKeysByLink, ct))
            return "LinkInvalid";
        if (PaidServiceRules.Signature(signature) is { } signatureError)
            return signatureError;
        var resolved = await links.ResolveAsync(token, Purpose, ct);
        if (resolved.State != LinkState.Valid)
            return "LinkInvalid";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.PersonalLinks.SingleAsync(l => l.Id == resolved.Link!.Id, ct);
        var moveIn = await db.MoveIns.SingleOrDefaultAsync(m => m.Id == link.SubjectId, ct);
        if (Refusal(moveIn) is { } error)
            return error;
        var now = clock.GetUtcNow();
        moveIn!.KeysSignature = signature!.Trim();
        moveIn.KeysSignedAt = now;
        moveIn.KeysWitnessedBy = NoticeOutbox.WriteIn(NoticeOutbox.CultureOf(NoticeOutbox.DefaultLanguage), () => text["WitnessedByLink"].Value);
        link.UsedAt = now;
        try
        {
            // The link's and the move-in's versions: the tablet and the link signing at once do not both win.
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "AlreadySigned";
        }
    }

    private static readonly System.Resources.ResourceManager Names = new("PropertyHub.Resources.MoveInText", typeof(MoveInKeyLinks).Assembly);

    /// <summary>Whether a key receipt's witness is "signed through a personal link" (as stored, in any of the three languages).</summary>
    public static bool ByLink(string? witness) => witness is not null && Languages.Cultures.All.Any(c =>
        Names.GetString("WitnessedByLink", new System.Globalization.CultureInfo(c)) == witness);

    private static string? Refusal(UnitMoveIn? moveIn) =>
        MoveInRules.Open(moveIn) ?? (moveIn!.KeysSignedAt is not null ? "AlreadySigned" : moveIn.Keys is null ? "KeysRequired" : null);
}

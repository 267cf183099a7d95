using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// What an owner is told before the handover, through the outbox in their language: the advance notice (P1§4.1) with
/// the documents to bring, the preparations and a personal link to pick a slot; and the reminder before the day. Each
/// is unique on its source (the move-in), so a second send or run cannot write it twice.
/// </summary>
public sealed class MoveInNotices(NoticeLinks noticeLinks, IOptions<PersonalLinkOptions> linkOptions, IOptions<MoveInOptions> options, IStringLocalizer<MoveInText> text)
{
    public const string NoticeKind = "move-in-notice";
    public const string ReminderKind = "move-in-reminder";
    public const string LinkPurpose = "move-in";

    public static string Source(int moveInId) => $"move-in:{moveInId}";

    /// <summary>
    /// The reminder's source: the move-in, or the move-in on the days of its last move on its own, so a unit moved is
    /// reminded once more before its new days (once per owner per handover).
    /// </summary>
    public static string ReminderSource(int moveInId, int? unitMoveId) => unitMoveId is { } move ? $"move-in:{moveInId}:moved:{move}" : Source(moveInId);

    /// <summary>Slot links open at /h/….</summary>
    public static string UrlFor(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/h/{token}";

    /// <summary>
    /// Adds the advance notice and its slot link (valid to the last handover day) to the caller's context: the batch's
    /// days, or the unit's own when it was moved before the notice went out.
    /// </summary>
    public void AddNotice(AppDbContext db, UnitMoveIn moveIn, Occupant owner, NoticePlace place, string unit, MoveInBatch batch, DateTimeOffset now,
        HandoverDays? own = null)
    {
        var handover = own ?? new HandoverDays(batch.FirstDay, batch.LastDay);
        var token = LinkTokens.NewToken();
        db.PersonalLinks.Add(new PersonalLink
        {
            Purpose = LinkPurpose,
            SubjectId = moveIn.Id,
            OccupantId = owner.Id,
            TokenHash = LinkTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(handover.Last.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber + 2),
        });
        var url = UrlFor(linkOptions.Value.PublicBaseUrl, token);
        var days = handover.ToString();
        NoticeOutbox.AddForOccupant(db, owner, place, NoticeKind, Source(moveIn.Id),
            culture => NoticeOutbox.WriteIn(culture, () => new NoticeText(text["Notice.Subject", unit],
                text["Notice.Body", owner.Name, unit, days, List(Documents, culture), List(Preparations, culture)])), now, noticeLinks.Seal(url));
    }

    /// <summary>Adds the reminder of the handover (the slot picked, or the batch's days when none is) to the caller's context.</summary>
    public void AddReminder(AppDbContext db, string source, Occupant owner, NoticePlace place, string unit, string when, DateTimeOffset now) =>
        NoticeOutbox.AddForOccupant(db, owner, place, ReminderKind, source,
            culture => NoticeOutbox.WriteIn(culture, () => new NoticeText(text["Notice.ReminderSubject", unit],
                text["Notice.ReminderBody", owner.Name, unit, when, List(Documents, culture)])), now);

    public IReadOnlyList<MoveInItem> Documents => options.Value.Documents;

    public IReadOnlyList<MoveInItem> Preparations => options.Value.Preparations;

    /// <summary>One item a line, so the notice reads as a list in every language (no list punctuation to get wrong).</summary>
    private static string List(IEnumerable<MoveInItem> items, CultureInfo culture) => string.Join("\n", items.Select(i => "• " + i.In(culture)));
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Notices;

/// <summary>A notice's words in one language.</summary>
public sealed record NoticeText(string Subject, string Body);

/// <summary>Where an occupant's letter goes: the estate and the building whose print batch holds it.</summary>
public sealed record NoticePlace(int EstateId, int BuildingId);

/// <summary>
/// Puts notices in the outbox of a caller's context, so they are saved in the caller's transaction together with
/// the record that causes them. A second copy is refused by the unique (kind, source, channel, recipient) key at
/// insert: callers that may run twice catch <see cref="DbUpdateException"/> and test <see cref="DbErrors.IsUniqueViolation"/>.
/// </summary>
public static partial class NoticeOutbox
{
    public const string DefaultLanguage = "zh-Hans";

    /// <summary>The kind of a notice posted on the board by hand.</summary>
    public const string BoardKind = "board";

    public static string OccupantKey(int occupantId) => $"occupant:{occupantId}";

    public static string EstateKey(int estateId) => $"estate:{estateId}";

    /// <summary>
    /// Adds the notices that reach one occupant: an e-mail when they have an address, an SMS when they have a mobile
    /// phone, and a printed letter when they have neither. The text is written in their preferred language.
    /// </summary>
    public static IReadOnlyList<Notice> AddForOccupant(AppDbContext db, Occupant occupant, NoticePlace place, string kind, string sourceKey,
        Func<CultureInfo, NoticeText> text, DateTimeOffset now, SealedLink? link = null)
    {
        var culture = CultureOf(occupant.PreferredLanguage);
        var words = text(culture);
        var added = new List<Notice>();
        var email = EmailOf(occupant);
        var mobile = MobileOf(occupant);
        if (email is not null)
            added.Add(Add(db, occupant, place, kind, sourceKey, NoticeChannel.Email, email, culture, words, now, link));
        if (mobile is not null)
            added.Add(Add(db, occupant, place, kind, sourceKey, NoticeChannel.Sms, mobile, culture, words, now, link));
        if (added.Count == 0)
            added.Add(Add(db, occupant, place, kind, sourceKey, NoticeChannel.Letter, null, culture, words, now, link));
        return added;
    }

    /// <summary>
    /// Adds a document that always goes on paper (a form, a payment request) in the building's print batch, and an
    /// e-mail and an SMS with the same subject and link where the occupant has them; each channel has its own words.
    /// </summary>
    public static IReadOnlyList<Notice> AddLetterAndContacts(AppDbContext db, Occupant occupant, NoticePlace place, string kind, string sourceKey,
        CultureInfo culture, string subject, (string Letter, string Email, string Sms) bodies, DateTimeOffset now, SealedLink? link)
    {
        var added = LetterAndContacts(occupant, place, kind, sourceKey, culture, subject, bodies, now, link);
        db.Notices.AddRange(added);
        return added;
    }

    /// <summary>The notices <see cref="AddLetterAndContacts"/> adds, made but not added, for callers that insert them in bulk.</summary>
    public static IReadOnlyList<Notice> LetterAndContacts(Occupant occupant, NoticePlace place, string kind, string sourceKey,
        CultureInfo culture, string subject, (string Letter, string Email, string Sms) bodies, DateTimeOffset now, SealedLink? link)
    {
        var made = new List<Notice> { New(occupant, place, kind, sourceKey, NoticeChannel.Letter, null, culture, new(subject, bodies.Letter), now, link) };
        if (EmailOf(occupant) is { } address)
            made.Add(New(occupant, place, kind, sourceKey, NoticeChannel.Email, address, culture, new(subject, bodies.Email), now, link));
        if (MobileOf(occupant) is { } mobile)
            made.Add(New(occupant, place, kind, sourceKey, NoticeChannel.Sms, mobile, culture, new(subject, bodies.Sms), now, link));
        return made;
    }

    /// <summary>Adds one notice to one occupant through one channel, for callers that write each channel its own words.</summary>
    public static Notice Add(AppDbContext db, Occupant occupant, NoticePlace place, string kind, string sourceKey,
        NoticeChannel channel, string? address, CultureInfo culture, NoticeText words, DateTimeOffset now, SealedLink? link = null)
    {
        var notice = New(occupant, place, kind, sourceKey, channel, address, culture, words, now, link);
        db.Notices.Add(notice);
        return notice;
    }

    private static Notice New(Occupant occupant, NoticePlace place, string kind, string sourceKey,
        NoticeChannel channel, string? address, CultureInfo culture, NoticeText words, DateTimeOffset now, SealedLink? link) => new()
    {
        EstateId = place.EstateId,
        BuildingId = place.BuildingId,
        Kind = kind,
        SourceKey = sourceKey,
        Channel = channel,
        RecipientKey = OccupantKey(occupant.Id),
        OccupantId = occupant.Id,
        Address = address,
        Language = culture.Name,
        Subject = words.Subject,
        Body = words.Body,
        SealedLink = link?.Value,
        Status = NoticeStatus.Pending,
        CreatedAt = now,
        // Letters wait for the print batch and are marked delivered by hand; the others are due at once.
        NextAttemptAt = channel == NoticeChannel.Letter ? null : now,
    };

    /// <summary>Runs <paramref name="write"/> with <paramref name="culture"/> as the UI culture, so localizers write in the reader's language.</summary>
    public static T WriteIn<T>(CultureInfo culture, Func<T> write)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Adds a notice to the estate's board; it is published (sent) as soon as it is saved.</summary>
    public static Notice AddBoard(AppDbContext db, int estateId, string kind, string sourceKey, NoticeText text, string language, DateTimeOffset now)
    {
        var notice = new Notice
        {
            EstateId = estateId,
            Kind = kind,
            SourceKey = sourceKey,
            Channel = NoticeChannel.Board,
            RecipientKey = EstateKey(estateId),
            Language = CultureOf(language).Name,
            Subject = text.Subject,
            Body = text.Body,
            Status = NoticeStatus.Sent,
            CreatedAt = now,
            SentAt = now,
        };
        db.Notices.Add(notice);
        return notice;
    }

    public static string? EmailOf(Occupant occupant) => string.IsNullOrWhiteSpace(occupant.Email) ? null : occupant.Email.Trim();

    /// <summary>The first mobile number among the occupant's phones, or null.</summary>
    public static string? MobileOf(Occupant occupant) =>
        new[] { occupant.Phone, occupant.Phone2 }.Select(p => p?.Trim()).FirstOrDefault(p => p is not null && Mobile().IsMatch(p));

    public static CultureInfo CultureOf(string? language)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            try
            {
                return CultureInfo.GetCultureInfo(language, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
            }
        }
        return CultureInfo.GetCultureInfo(DefaultLanguage);
    }

    [GeneratedRegex("^(\\+?86)?1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();
}

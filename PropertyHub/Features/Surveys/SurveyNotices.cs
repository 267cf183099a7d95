using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.Surveys;

/// <summary>
/// The notices that carry one unit's evaluation form: always a printed letter (the paper form itself, in the building's
/// print batch), and an e-mail and an SMS where the occupant has them, each with the personal link, in their language.
/// </summary>
public sealed class SurveyNotices(IStringLocalizer<SurveyText> text, NoticeLinks links)
{
    public const string Kind = "survey";

    public static string SourceKey(string quarter, int unitId) => $"survey:{quarter}:{unitId}";

    public IReadOnlyList<Notice> Add(Data.AppDbContext db, Occupant occupant, string unit, NoticePlace place, SurveyQuarter quarter,
        IReadOnlyList<SurveyItem> items, string link, DateTimeOffset now)
    {
        var culture = NoticeOutbox.CultureOf(occupant.PreferredLanguage);
        var key = SourceKey(quarter.ToString(), occupant.UnitId);
        var (subject, letter, email, sms) = NoticeOutbox.WriteIn(culture, () => Words(occupant, unit, quarter, items, culture));
        return NoticeOutbox.AddLetterAndContacts(db, occupant, place, Kind, key, culture, subject, (letter, email, sms), now, links.Seal(link));
    }

    private (string Subject, string Letter, string Email, string Sms) Words(Occupant occupant, string unit, SurveyQuarter quarter,
        IReadOnlyList<SurveyItem> items, CultureInfo culture)
    {
        var period = text["QuarterName", quarter.Year, quarter.Number].Value;
        var subject = text["NoticeSubject", period].Value;
        var intro = text["NoticeIntro", occupant.Name, unit, period].Value;
        var form = new StringBuilder(intro).Append("\n\n").Append(text["LetterScale"].Value).Append('\n');
        foreach (var item in items)
            form.Append("\n").Append(item.NameIn(culture.Name)).Append("    □1  □2  □3  □4  □5");
        form.Append("\n\n").Append(text["LetterComment"].Value).Append("\n\n")
            .Append(text["LetterSuggestion"].Value).Append("\n\n")
            .Append(text["LetterReturn"].Value);
        var email = $"{intro}\n\n{text["EmailOnline"].Value}";
        var sms = text["SmsBody", unit, period].Value;
        return (subject, form.ToString(), email, sms);
    }
}

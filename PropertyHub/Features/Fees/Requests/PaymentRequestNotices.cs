using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>
/// The notices that carry a payment request (付款請求書): always the printed request in the building's print batch,
/// and an e-mail and an SMS where the payer has them, each with the personal link, in the payer's language. The fixed
/// words of a language and month are looked up once (a run writes the same words to every payer of a language);
/// only the payer's own figures are filled in per payer.
/// </summary>
public sealed class PaymentRequestNotices(IStringLocalizer<FeesText> text, NoticeLinks links)
{
    public const string Kind = "payment-request";

    private readonly Dictionary<(string Culture, DateOnly Month), RequestWording> wordings = [];

    public static string SourceKey(DateOnly month, int unitId) => $"payment-request:{BillingMonth.Period(month)}:{unitId}";

    public IReadOnlyList<Notice> Add(Data.AppDbContext db, Occupant payer, string unit, NoticePlace place, PaymentRequest request,
        decimal arrears, string link, DateTimeOffset now, IReadOnlyDictionary<int, FeeItem> items)
    {
        var made = Make(payer, unit, place, request, arrears, link, now, items);
        db.Notices.AddRange(made);
        return made;
    }

    /// <summary>The notices <see cref="Add"/> adds, made but not added, for callers that insert them in bulk.</summary>
    /// <param name="items">The estate's fee items by id: each fee line is named in the payer's language.</param>
    public IReadOnlyList<Notice> Make(Occupant payer, string unit, NoticePlace place, PaymentRequest request, decimal arrears, string link, DateTimeOffset now,
        IReadOnlyDictionary<int, FeeItem> items)
    {
        var culture = NoticeOutbox.CultureOf(payer.PreferredLanguage);
        var words = WordingIn(culture, request.Month);
        var (letter, email, sms) = words.Bodies(payer.Name, unit, request, arrears, line => RequestLineLabels.Label(line, items, culture.Name, words.Arrears));
        return NoticeOutbox.LetterAndContacts(payer, place, Kind, SourceKey(request.Month, request.UnitId), culture, words.Subject, (letter, email, sms), now, links.Seal(link));
    }

    private RequestWording WordingIn(CultureInfo culture, DateOnly month)
    {
        if (!wordings.TryGetValue((culture.Name, month), out var words))
            wordings[(culture.Name, month)] = words = NoticeOutbox.WriteIn(culture, () => RequestWording.Of(text, month));
        return words;
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>
/// A payment request's words in one language for one month: the fixed parts looked up once, the payer's figures
/// filled in by <see cref="Bodies"/> (formatted as the localizer formats them, in the current culture).
/// </summary>
internal sealed record RequestWording(string Month, string Subject, string Intro, string Sms, string Arrears, string Credit, string HowToPay, string Online)
{
    /// <summary>Looks the words up in the current UI culture.</summary>
    public static RequestWording Of(IStringLocalizer<FeesText> text, DateOnly month)
    {
        var name = text["MonthName", month.Year, month.Month].Value;
        return new(name, text["RequestSubject", name].Value, text["RequestIntro"].Value, text["RequestSms"].Value, text["LineArrears"].Value,
            text["LineCredit"].Value, text["RequestHowToPay"].Value, text["RequestOnline"].Value);
    }

    public (string Letter, string Email, string Sms) Bodies(string payer, string unit, PaymentRequest request, decimal arrears, Func<PaymentRequestLine, string> label)
    {
        var due = request.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var toPay = PaymentRequestNotices.Money(request.Total - request.Paid + arrears);
        var intro = string.Format(CultureInfo.CurrentCulture, Intro, payer, unit, Month, toPay, due);
        var lines = new StringBuilder();
        foreach (var line in request.Lines)
            lines.Append('\n').Append(label(line)).Append("    ").Append(PaymentRequestNotices.Money(line.Amount));
        if (request.Paid > 0)
            lines.Append('\n').Append(Credit).Append("    -").Append(PaymentRequestNotices.Money(request.Paid));
        var letter = $"{intro}\n{lines}\n\n{HowToPay}";
        return (letter, $"{letter}\n{Online}", string.Format(CultureInfo.CurrentCulture, Sms, unit, Month, toPay, due));
    }
}

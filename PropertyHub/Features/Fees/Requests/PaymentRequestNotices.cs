using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>
/// The notices that carry a payment request (付款請求書): always the printed request in the building's print batch,
/// and an e-mail and an SMS where the payer has them, each with the personal link, in the payer's language.
/// </summary>
public sealed class PaymentRequestNotices(IStringLocalizer<FeesText> text, NoticeLinks links)
{
    public const string Kind = "payment-request";

    public static string SourceKey(DateOnly month, int unitId) => $"payment-request:{BillingMonth.Period(month)}:{unitId}";

    public IReadOnlyList<Notice> Add(Data.AppDbContext db, Occupant payer, string unit, NoticePlace place, PaymentRequest request,
        decimal arrears, string link, DateTimeOffset now)
    {
        var made = Make(payer, unit, place, request, arrears, link, now);
        db.Notices.AddRange(made);
        return made;
    }

    /// <summary>The notices <see cref="Add"/> adds, made but not added, for callers that insert them in bulk.</summary>
    public IReadOnlyList<Notice> Make(Occupant payer, string unit, NoticePlace place, PaymentRequest request, decimal arrears, string link, DateTimeOffset now)
    {
        var culture = NoticeOutbox.CultureOf(payer.PreferredLanguage);
        var key = SourceKey(request.Month, request.UnitId);
        var (subject, letter, email, sms) = NoticeOutbox.WriteIn(culture, () => Words(payer, unit, request, arrears));
        return NoticeOutbox.LetterAndContacts(payer, place, Kind, key, culture, subject, (letter, email, sms), now, links.Seal(link));
    }

    private (string Subject, string Letter, string Email, string Sms) Words(Occupant payer, string unit, PaymentRequest request, decimal arrears)
    {
        var month = text["MonthName", request.Month.Year, request.Month.Month].Value;
        var due = request.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var toPay = Money(request.Total - request.Paid + arrears);
        var subject = text["RequestSubject", month].Value;
        var intro = text["RequestIntro", payer.Name, unit, month, toPay, due].Value;
        var lines = new StringBuilder();
        foreach (var line in request.Lines)
        {
            var what = line.Kind switch
            {
                RequestLineKind.Arrears => text["LineArrears"].Value,
                _ => line.Description,
            };
            lines.Append('\n').Append(what).Append("    ").Append(Money(line.Amount));
        }
        if (request.Paid > 0)
            lines.Append('\n').Append(text["LineCredit"].Value).Append("    -").Append(Money(request.Paid));
        var letter = $"{intro}\n{lines}\n\n{text["RequestHowToPay"].Value}";
        var email = $"{intro}\n{lines}\n\n{text["RequestHowToPay"].Value}\n{text["RequestOnline"].Value}";
        var sms = text["RequestSms", unit, month, toPay, due].Value;
        return (subject, letter, email, sms);
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}

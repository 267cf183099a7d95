using System.Text.RegularExpressions;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>
/// A request line as its reader reads it: a fee line by its fee item's name in the reader's language (with the stretch
/// of the month it covers, when a rate changed inside the month), arrears by the localized words, a paid service as the
/// staff typed it, or — one the app made, such as a paid repair — by its phrase in the reader's language. The stored description is the simplified-Chinese wording made at issue, kept for the record.
/// </summary>
public static partial class RequestLineLabels
{
    public static string Label(PaymentRequestLine line, IReadOnlyDictionary<int, FeeItem> items, string culture, string arrears) => line.Kind switch
    {
        RequestLineKind.Arrears => arrears,
        RequestLineKind.Fee when line.FeeItemId is { } id && items.TryGetValue(id, out var item) =>
            item.NameIn(culture) + (Stretch().Match(line.Description) is { Success: true } stretch ? stretch.Value : ""),
        RequestLineKind.PaidService when line.Phrase is { } phrase && Reception.TimelinePhrases.RenderIn(phrase, culture) is { } type =>
            type + (ServiceDay().Match(line.Description) is { Success: true } day ? day.Value : ""),
        _ => line.Description,
    };

    /// <summary>" (2026-03-14)": the day of a paid service, as <see cref="RequestLines"/> writes it.</summary>
    [GeneratedRegex(@" \(\d{4}-\d{2}-\d{2}\)$")]
    private static partial Regex ServiceDay();

    /// <summary>" (03-01–03-15)": the days of the month a line covers, as <see cref="RequestLines"/> writes them.</summary>
    [GeneratedRegex(@" \(\d{2}-\d{2}–\d{2}-\d{2}\)$")]
    private static partial Regex Stretch();
}

using System.Globalization;
using System.Text.RegularExpressions;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees;

/// <summary>Validation of fee items and rates. Messages are FeesText keys.</summary>
public static partial class FeeRules
{
    /// <summary>
    /// Reads an amount typed by a person: digits with at most two decimals, not negative. Full-width digits and
    /// a trailing "元" are accepted (<see cref="TypedText.Digits"/>); other scripts' digits and grouping commas are not
    /// (commas are too easily a mistyped decimal point).
    /// </summary>
    public static (decimal? Amount, string? Error) ParseAmount(string? text)
    {
        var clean = TypedText.Digits(text)?.TrimEnd('元').Trim();
        if (string.IsNullOrEmpty(clean))
            return (null, "AmountRequired");
        if (TypedText.HasOtherDigits(clean))
            return (null, "AmountDigitsNotAscii");
        if (!decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return (null, "AmountNotNumber");
        if (amount < 0)
            return (null, "AmountNegative");
        if (amount != Math.Round(amount, 2))
            return (null, "AmountTooManyDecimals");
        if (amount > 1_000_000m)
            return (null, "AmountTooLarge");
        return (amount, null);
    }

    /// <summary>
    /// <see cref="ParseAmount"/> that also takes thousands separators in groups of three, as the fund does
    /// ("2,500.00"); a comma anywhere else ("2,50") is still not an amount.
    /// </summary>
    public static (decimal? Amount, string? Error) ParseGroupedAmount(string? text)
    {
        var clean = TypedText.Digits(text)?.TrimEnd('元').Trim();
        if (clean is null || !clean.Contains(',', StringComparison.Ordinal))
            return ParseAmount(text);
        return Ungroup(clean) is { } plain ? ParseAmount(plain) : (null, "AmountNotNumber");
    }

    /// <summary>The amount without its thousands separators, or null when the commas are not in groups of three.</summary>
    public static string? Ungroup(string clean) =>
        GroupedPattern().IsMatch(clean) ? clean.Replace(",", "", StringComparison.Ordinal) : null;

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial Regex GroupedPattern();

    public static string? Code(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "CodeRequired" : CodePattern().IsMatch(code.Trim()) ? null : "CodeInvalid";

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "NameRequired" : name.Trim().Length > 100 ? "NameTooLong" : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}

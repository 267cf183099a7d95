using System.Globalization;
using System.Text.RegularExpressions;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fund;

/// <summary>What the fund's forms accept. Errors are FundText keys.</summary>
public static partial class FundRules
{
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>
    /// A positive CNY amount with at most two decimals: "1,234.56" is taken (thousands separators in groups of three),
    /// "1,23.4" and "12.345" are refused.
    /// </summary>
    public static (decimal? Amount, string? Error) ParseAmount(string? text)
    {
        var clean = TypedText.Digits(text)?.TrimEnd('元').Trim();
        if (string.IsNullOrEmpty(clean))
            return (null, "AmountRequired");
        if (TypedText.HasOtherDigits(clean))
            return (null, "AmountNotNumber");
        if (clean.Contains(',', StringComparison.Ordinal))
        {
            if (Fees.FeeRules.Ungroup(clean) is not { } plain)
                return (null, "AmountNotNumber");
            clean = plain;
        }
        if (!decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return (null, "AmountNotNumber");
        if (amount != Math.Round(amount, 2))
            return (null, "AmountTooManyDecimals");
        if (amount <= 0)
            return (null, "AmountMustBePositive");
        if (amount > MaxAmount)
            return (null, "AmountTooLarge");
        return (amount, null);
    }

    /// <summary>A bank account number: spaces and hyphens dropped, 8 to 32 ASCII digits.</summary>
    public static (string? Number, string? Error) ParseAccountNumber(string? text)
    {
        var clean = TypedText.Digits(text)?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(clean))
            return (null, "AccountNumberRequired");
        if (clean.Length is < 8 or > 32 || !clean.All(char.IsAsciiDigit))
            return (null, "AccountNumberInvalid");
        return (clean, null);
    }

    /// <summary>The account number as shown everywhere: only its last four digits.</summary>
    /// <summary>How long an expenditure's common part may be named.</summary>
    public const int CommonPartLength = 100;

    public static string Mask(string accountNumber) =>
        accountNumber.Length <= 4 ? accountNumber : "**** " + accountNumber[^4..];

    /// <summary>Free text up to a length; null when empty. The error key names the field.</summary>
    public static (string? Text, string? Error) Text(string? value, int max, string field, bool required)
    {
        var clean = TypedText.Text(value);
        if (clean is null)
            return (null, required ? field + "Required" : null);
        return clean.Length > max ? (null, field + "TooLong") : (clean, null);
    }
}

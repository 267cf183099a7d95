using System.Text.RegularExpressions;

namespace PropertyHub.Features.Registry;

/// <summary>Mainland resident ID numbers (GB 11643): 17 digits and a check character.</summary>
public static partial class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>A person's ID: 18 characters with a valid check character.</summary>
    public static bool IsValidPersonId(string value) =>
        PersonIdPattern().IsMatch(value) && char.ToUpperInvariant(value[17]) == CheckCharacter(value);

    /// <summary>A company's unified social credit code: 18 digits or capital letters.</summary>
    public static bool IsValidCompanyId(string value) => CompanyIdPattern().IsMatch(value);

    /// <summary>Shows the first 3 and last 4 characters only: 350***********1234.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];

    [GeneratedRegex("^[0-9]{17}[0-9Xx]$")]
    private static partial Regex PersonIdPattern();

    [GeneratedRegex(@"^[0-9A-Z]{18}$")]
    private static partial Regex CompanyIdPattern();
}

/// <summary>Mainland mobile (11 digits from 13–19) and landline (0 + area code, optional dash) numbers.</summary>
public static partial class Phones
{
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    /// <summary>Shows the first 3 and last 4 digits: 139****5678.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];

    [GeneratedRegex("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$")]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;

namespace PropertyHub.Features.Fees.PaidServices;

/// <summary>Checks of a paid service and of the occupant's signature. Messages are PaidServiceText keys.</summary>
public static partial class PaidServiceRules
{
    public const int ServiceTypeMax = 100;
    public const int DescriptionMax = 500;
    public const int StaffNameMax = 256;
    public const int SignatureMax = 100_000;

    /// <summary>A signature with fewer points than this is a tap or a stray line, not a signature.</summary>
    public const int MinSignaturePoints = 10;

    /// <summary>Common services offered on the form; the staff may type any other.</summary>
    public static readonly IReadOnlyList<string> CommonTypes =
        ["Type_Tap", "Type_Drain", "Type_Lock", "Type_Light", "Type_Socket", "Type_Toilet", "Type_Cleaning", "Type_Moving"];

    public static string? ServiceType(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "ServiceTypeRequired" : text.Trim().Length > ServiceTypeMax ? "ServiceTypeTooLong" : null;

    public static string? Description(string? text) => text?.Trim().Length > DescriptionMax ? "DescriptionTooLong" : null;

    public static string? StaffName(string? text) => text?.Trim().Length > StaffNameMax ? "StaffNameTooLong" : null;

    public static string? ServiceDate(DateOnly? date, DateOnly today) =>
        date is null ? "ServiceDateRequired" : date > today ? "ServiceDateFuture" : null;

    /// <summary>
    /// The signature as drawn on the tablet: SVG path data, one "M x y L x y …" per stroke, whole numbers.
    /// Empty or a tap or two is refused as "left empty"; anything else than such path data as invalid.
    /// </summary>
    public static string? Signature(string? path)
    {
        var text = path?.Trim() ?? "";
        if (text.Length == 0)
            return "SignatureEmpty";
        if (text.Length > SignatureMax)
            return "SignatureTooLong";
        if (!PathPattern().IsMatch(text))
            return "SignatureInvalid";
        return Points(text) < MinSignaturePoints ? "SignatureEmpty" : null;
    }

    /// <summary>How many points a path has (each M and L command is one).</summary>
    public static int Points(string path) => path.Count(c => c is 'M' or 'L');

    [GeneratedRegex(@"^M\s*-?[0-9]{1,5}\s+-?[0-9]{1,5}\s*(?:[ML]\s*-?[0-9]{1,5}\s+-?[0-9]{1,5}\s*)*$")]
    private static partial Regex PathPattern();
}

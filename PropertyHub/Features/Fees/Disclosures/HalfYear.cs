using System.Globalization;
using System.Text.RegularExpressions;

namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>A half-year of the semiannual statement, written "2026-H2".</summary>
public readonly partial record struct HalfYear(int Year, int Half) : IComparable<HalfYear>
{
    public static HalfYear Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    /// <summary>The half-year that ended before the duty's occurrence: 2026-H2 on 1 January 2027, 2027-H1 on 1 July 2027.</summary>
    public static HalfYear JustEnded(DateTime localOccurrence) => Of(DateOnly.FromDateTime(localOccurrence)).Previous;

    public DateOnly FirstDay => new(Year, Half == 1 ? 1 : 7, 1);

    public HalfYear Previous => Half == 1 ? new(Year - 1, 2) : new(Year, 1);

    public HalfYear Next => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    public override string ToString() => $"{Year.ToString("D4", CultureInfo.InvariantCulture)}-H{Half.ToString(CultureInfo.InvariantCulture)}";

    public int CompareTo(HalfYear other) => (Year, Half).CompareTo((other.Year, other.Half));

    public static bool TryParse(string? text, out HalfYear halfYear)
    {
        halfYear = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
            return false;
        halfYear = new(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static HalfYear Parse(string text) => TryParse(text, out var h) ? h : throw new FormatException($"Not a half-year: {text}");

    [GeneratedRegex("^([0-9]{4})-H([12])$")]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace PropertyHub.Features.Surveys;

/// <summary>A calendar quarter, written "2026-Q4": the period of the quarterly survey.</summary>
public readonly partial record struct SurveyQuarter(int Year, int Number) : IComparable<SurveyQuarter>
{
    public static SurveyQuarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public static SurveyQuarter Of(DateTime local) => Of(DateOnly.FromDateTime(local));

    public static bool TryParse(string? text, out SurveyQuarter quarter)
    {
        quarter = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
            return false;
        quarter = new(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0');
        return true;
    }

    public static SurveyQuarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"Not a quarter: {text}");

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public SurveyQuarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public SurveyQuarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    /// <summary>This quarter and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<SurveyQuarter> Trailing(int count)
    {
        var list = new List<SurveyQuarter>(count);
        var q = this;
        for (var i = 0; i < count; i++, q = q.Previous)
            list.Add(q);
        list.Reverse();
        return list;
    }

    public int CompareTo(SurveyQuarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => $"{Year:0000}-Q{Number}";

    [GeneratedRegex("^([0-9]{4})-Q([1-4])$")]
    private static partial Regex Pattern();
}

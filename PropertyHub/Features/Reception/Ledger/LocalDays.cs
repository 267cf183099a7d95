using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.Ledger;

/// <summary>
/// Estate-local calendar days and weeks (Monday first) as UTC bounds. Times are stored UTC; a ledger day is a day
/// on the office's wall clock, so 23:30 in Shanghai belongs to that day though it is 15:30 UTC.
/// </summary>
public static class LocalDays
{
    /// <summary>[start of <paramref name="from"/>, start of the day after <paramref name="to"/>) in UTC, on the estate's own clock.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) UtcBounds(this EstateTime time, int estateId, DateOnly from, DateOnly to) =>
        time.DayBounds(estateId, from, to);

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryParse(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value, DateFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    public static string Format(DateOnly day) => day.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);
}

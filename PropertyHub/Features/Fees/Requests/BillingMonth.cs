using System.Globalization;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>The month a payment request bills, written "2026-12" as the duty's period; held as its first day.</summary>
public static class BillingMonth
{
    public static string Period(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? period, out DateOnly month) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static DateOnly Parse(string period) =>
        TryParse(period, out var month) ? month : throw new FormatException($"Not a billing month: {period}");

    public static DateOnly FirstDay(DateOnly day) => new(day.Year, day.Month, 1);
}

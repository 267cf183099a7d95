using System.Globalization;

namespace PropertyHub.Features.Fees.Books;

/// <summary>How the books write their numbers: money as "1,234.50", rates as "72.5%", a rate of nothing billed as "–".</summary>
public static class BooksFormat
{
    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.CurrentCulture);

    public static string Percent(double? rate) =>
        FeeReportExport.Percent(rate) is { } p ? p.ToString("0.0", CultureInfo.CurrentCulture) + "%" : "–";

    public static string Month(DateOnly month) => FeeReportExport.MonthText(month);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

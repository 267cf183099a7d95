using System.Globalization;

namespace PropertyHub.Features.Fees.Counter;

/// <summary>Amounts as the counter and receipts show them: yuan with two decimals and grouping, e.g. 1,234.50.</summary>
public static class Money
{
    public static string Format(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>With the yuan sign, the minus in front of it: ¥1,000.00, -¥350.00.</summary>
    public static string Yuan(decimal amount) => (amount < 0 ? "-¥" : "¥") + Format(Math.Abs(amount));

    /// <summary>Plain, as typed in the amount field: 1234.50.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

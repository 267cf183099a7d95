namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>
/// The categories of a statement's lines, stored as codes and shown in the reader's language (BooksText "Category_..."):
/// income per fee item ("fee:management"), paid services and other fee income; expenditure by the fixed list.
/// </summary>
public static class DisclosureCategories
{
    public const string FeePrefix = "fee:";
    public const string PaidServices = "paid-services";
    public const string OtherIncome = "other-income";

    public static readonly IReadOnlyList<string> Expenditure =
        ["staff", "cleaning-greening", "security", "public-energy", "repairs-maintenance", "office-admin", "other"];

    /// <summary>A fund statement's lines (P1§8.5): receipts by source, spending by usage item ("usage:DailyRepairs"), balances.</summary>
    public const string FundContributions = "fund-contributions";
    public const string FundInterest = "fund-interest";
    public const string FundOtherReceipts = "fund-other-receipts";
    public const string FundOpening = "fund-opening";
    public const string FundClosing = "fund-closing";
    /// <summary>A fund statement's spending under no usage item: adjustments explained in the reconciliation (bank charges).</summary>
    public const string FundAdjustments = "fund-adjustments";
    public const string UsagePrefix = "usage:";

    public static string Fee(string code) => FeePrefix + code;

    public static bool IsFee(string category, out string code)
    {
        code = category.StartsWith(FeePrefix, StringComparison.Ordinal) ? category[FeePrefix.Length..] : "";
        return code.Length > 0;
    }
}

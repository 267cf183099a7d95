namespace PropertyHub.Features.Fund.Reports;

/// <summary>
/// One month of a fund's year: the ledger balance at its start, what came in (by source) and what was spent, and the
/// balance at its end. Posted lines only (receipts and paid expenditures), each on the day the money moved at the bank;
/// a reversal counts in the month it was recorded, with the opposite amount, so the pair nets out.
/// </summary>
public sealed record FundReportMonth(DateOnly Month, decimal Opening, decimal Contributions, decimal Interest, decimal OtherReceipts,
    decimal Spending)
{
    public decimal Receipts => Contributions + Interest + OtherReceipts;

    public decimal Closing => Opening + Receipts - Spending;
}

/// <summary>What a usage item spent in the year, net of reversals, and over how many paid lines (reversals not counted).</summary>
public sealed record FundReportUsage(FundUsageItem Item, decimal Spending, int Lines);

/// <summary>What was spent on a building and/or common part in the year, net of reversals, over how many paid lines;
/// neither named: the lines that name no place.</summary>
public sealed record FundReportPlace(int? BuildingId, string? Building, string? CommonPart, decimal Spending, int Lines)
{
    public bool IsNamed => Building is not null || CommonPart is not null;
}

/// <summary>A fund account's report for one calendar year, from its first month kept to the estate's current month.</summary>
public sealed record FundReport(int AccountId, string EstateName, string BankName, string MaskedNumber, int Year,
    IReadOnlyList<FundReportMonth> Months, IReadOnlyList<FundReportUsage> ByUsage)
{
    /// <summary>The years a report may be asked for: from the account's opening to the estate's current year.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>The spending by building and common part, the named places by building name then common part, the unnamed last.</summary>
    public IReadOnlyList<FundReportPlace> ByPlace { get; init; } = [];

    public decimal Opening => Months.Count > 0 ? Months[0].Opening : 0m;

    public decimal Closing => Months.Count > 0 ? Months[^1].Closing : Opening;

    public decimal Receipts => Months.Sum(m => m.Receipts);

    public decimal Spending => Months.Sum(m => m.Spending);
}

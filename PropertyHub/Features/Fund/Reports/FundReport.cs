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

    /// <summary>The chart's "money in" bar: the receipts, and a payment taken back by its reversal (a month whose spending
    /// nets below zero got that money back). Never negative; in − out is the month's net flow.</summary>
    public decimal MoneyIn => Math.Max(Receipts, 0m) + Math.Max(-Spending, 0m);

    /// <summary>The chart's "money out" bar: the spending, and a receipt taken back by its reversal. Never negative.</summary>
    public decimal MoneyOut => Math.Max(Spending, 0m) + Math.Max(-Receipts, 0m);

    public decimal Closing => Opening + Receipts - Spending;
}

/// <summary>What a usage item spent in the year, net of reversals, and over how many paid lines (reversals not counted).</summary>
public sealed record FundReportUsage(FundUsageItem Item, decimal Spending, int Lines);

/// <summary>The outflows under no usage item: adjustments explained in the reconciliation (bank charges and the like),
/// net of reversals, over how many lines.</summary>
public sealed record FundReportAdjustments(decimal Spending, int Lines);

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

    /// <summary>The outflows under no usage item (the adjustments row of both spending tables).</summary>
    public FundReportAdjustments Adjustments { get; init; } = new(0m, 0);

    /// <summary>The total of the usage-item table: the items and the adjustments; equals <see cref="Spending"/>.</summary>
    public decimal SpendingByUsageTotal => ByUsage.Sum(u => u.Spending) + Adjustments.Spending;

    /// <summary>The total of the building/common-part table: the places and the adjustments; equals <see cref="Spending"/>.</summary>
    public decimal SpendingByPlaceTotal => ByPlace.Sum(p => p.Spending) + Adjustments.Spending;

    public decimal Opening => Months.Count > 0 ? Months[0].Opening : 0m;

    public decimal Closing => Months.Count > 0 ? Months[^1].Closing : Opening;

    public decimal Receipts => Months.Sum(m => m.Receipts);

    public decimal Spending => Months.Sum(m => m.Spending);
}

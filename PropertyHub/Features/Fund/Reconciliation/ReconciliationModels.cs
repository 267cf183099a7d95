namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>A month of the reconciliation as the screen shows it; <see cref="Statement"/> is null until one is imported.</summary>
public sealed record ReconciliationView(int AccountId, DateOnly Month, int? MonthId, int Version, bool Closed, string? ClosedBy,
    DateTimeOffset? ClosedAt, StatementSummary? Statement, decimal LedgerBalance, int UnmatchedBank, int UnmatchedLedger)
{
    /// <summary>Statement closing balance less ledger balance at the month's end; null without a statement.</summary>
    public decimal? Difference => Statement is null ? null : Statement.ClosingBalance - LedgerBalance;

    public bool CanClose => !Closed && Difference == 0;
}

public sealed record StatementSummary(int Id, string FileName, int Lines, decimal ClosingBalance, string ImportedBy, DateTimeOffset ImportedAt)
{
    /// <summary>The original file is kept (statements imported before it was kept have none).</summary>
    public bool HasFile { get; init; }
}

/// <summary>A month in the list of an account's reconciliations.</summary>
public sealed record ReconciliationMonthRow(DateOnly Month, bool Closed, string? ClosedBy, bool HasStatement);

public sealed record StatementLineRow(int Id, int Version, int Row, DateOnly Date, decimal Amount, decimal? Balance, string? Reference,
    string? Counterparty, string? Summary, string? MatchedBy, bool AutoMatched, IReadOnlyList<int> LedgerIds);

/// <summary>A posted ledger line as the reconciliation sees it: signed as the bank sees it, dated on the bank's day.</summary>
public sealed record ReconciliationLedgerRow(int Id, int Version, DateOnly BankDate, decimal Signed, FundEntryKind Kind, string Counterparty,
    string? Reference, string? Purpose, int? StatementLineId);

/// <summary>How an unmatched bank line is explained: as a missing receipt of a source, or as an adjustment with its reason.</summary>
public sealed class ResolveInput
{
    public FundReceiptSource? Source { get; set; }
    public string? Explanation { get; set; }
}

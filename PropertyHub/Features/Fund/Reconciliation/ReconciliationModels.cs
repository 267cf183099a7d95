namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>A month of the reconciliation as the screen shows it; <see cref="Statement"/> is null until one is imported.</summary>
public sealed record ReconciliationView(int AccountId, DateOnly Month, int? MonthId, int Version, bool Closed, string? ClosedBy,
    DateTimeOffset? ClosedAt, StatementSummary? Statement, decimal LedgerBalance, int UnmatchedBank, int UnmatchedLedger)
{
    /// <summary>Statement closing balance less ledger balance at the month's end; null without a statement.</summary>
    public decimal? Difference => Statement is null ? null : Statement.ClosingBalance - LedgerBalance;

    public bool CanClose => !Closed && Difference == 0;

    /// <summary>The ledger's balance at the end of the month before (the account's opening balance in its first month).</summary>
    public decimal LedgerOpeningBalance { get; init; }

    /// <summary>Statement opening balance less the ledger's: a difference carried from an earlier month; null without a statement.</summary>
    public decimal? OpeningDifference => Statement is null ? null : Statement.OpeningBalance - LedgerOpeningBalance;
}

public sealed record StatementSummary(int Id, string FileName, int Lines, decimal ClosingBalance, string ImportedBy, DateTimeOffset ImportedAt)
{
    /// <summary>The balance before the statement's first line: its closing balance less its lines.</summary>
    public decimal OpeningBalance { get; init; }

    /// <summary>The original file is kept (statements imported before it was kept have none).</summary>
    public bool HasFile { get; init; }
}

/// <summary>A month in the list of an account's reconciliations.</summary>
public sealed record ReconciliationMonthRow(DateOnly Month, bool Closed, string? ClosedBy, bool HasStatement);

public sealed record StatementLineRow(int Id, int Version, int Row, DateOnly Date, decimal Amount, decimal? Balance, string? Reference,
    string? Counterparty, string? Summary, string? MatchedBy, bool AutoMatched, IReadOnlyList<int> LedgerIds)
{
    /// <summary>The ledger lines it is matched to, as people read them (no ids).</summary>
    public IReadOnlyList<MatchedLedgerLine> Matches { get; init; } = [];
}

/// <summary>A ledger line a bank line is matched to: who it was with, and for an adjustment its explanation.</summary>
public sealed record MatchedLedgerLine(string Counterparty, decimal Signed, bool IsAdjustment, string? Explanation);

/// <summary>A posted ledger line as the reconciliation sees it: signed as the bank sees it, dated on the bank's day.</summary>
public sealed record ReconciliationLedgerRow(int Id, int Version, DateOnly BankDate, decimal Signed, FundEntryKind Kind, string Counterparty,
    string? Reference, string? Purpose, int? StatementLineId);

/// <summary>How an unmatched bank line is explained: as a missing receipt of a source, or as an adjustment with its reason.</summary>
public sealed class ResolveInput
{
    public FundReceiptSource? Source { get; set; }
    public string? Explanation { get; set; }
}

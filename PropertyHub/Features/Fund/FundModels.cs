namespace PropertyHub.Features.Fund;

public sealed class FundAccountInput
{
    public int EstateId { get; set; }
    public string? BankName { get; set; }
    public string? AccountNumber { get; set; }
    public string? OpeningBalance { get; set; }
    public DateOnly? OpeningDate { get; set; }
}

public sealed class FundReceiptInput
{
    public int FundAccountId { get; set; }
    public FundReceiptSource Source { get; set; }
    public DateOnly? Date { get; set; }
    public string? Amount { get; set; }
    public string? Counterparty { get; set; }
    public string? Reference { get; set; }
}

public sealed class FundExpenditureInput
{
    public int FundAccountId { get; set; }
    public FundUsageItem? UsageItem { get; set; }
    public DateOnly? Date { get; set; }
    public string? Amount { get; set; }
    public string? Counterparty { get; set; }
    public string? CounterpartyAccount { get; set; }
    public string? Purpose { get; set; }
    public string? Reference { get; set; }
    public string? DecisionReference { get; set; }
    /// <summary>The building spent on, of the account's estate (optional).</summary>
    public int? BuildingId { get; set; }
    /// <summary>The common part spent on, in words (optional).</summary>
    public string? CommonPart { get; set; }
    /// <summary>Finance saw the over-balance warning and asks anyway.</summary>
    public bool OverBalanceConfirmed { get; set; }
}

/// <summary>
/// The outcome of a fund action. Errors are FundText keys per field ("" for the whole form); nothing was written when
/// there are any. <see cref="Warning"/> is a FundText key when the action stopped to ask (over the balance).
/// </summary>
public sealed record FundResult(IReadOnlyDictionary<string, string> Errors, int? Id = null, string? Warning = null)
{
    public bool Ok => Errors.Count == 0 && Warning is null;

    /// <summary>The arguments of the message, when it has any (amounts already formatted).</summary>
    public object[] Args { get; init; } = [];

    public static FundResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });

    public static FundResult Done(int id) => new(new Dictionary<string, string>(), id);

    public static FundResult Warn(string key) => new(new Dictionary<string, string>(), null, key);
}

/// <summary>
/// The ledger balance (opening + receipts − paid expenditures, reversals included), what approved or requested
/// expenditures have promised, and what is left to spend.
/// </summary>
public sealed record FundBalance(decimal Ledger, decimal Committed)
{
    public decimal Available => Ledger - Committed;
}

public sealed record FundAccountView(int Id, int EstateId, string EstateName, string BankName, string MaskedNumber,
    decimal OpeningBalance, DateOnly OpeningDate, FundBalance Balance, DateOnly Today);

public sealed record FundEntryRow(int Id, int Version, FundEntryKind Kind, FundReceiptSource? Source, FundUsageItem? UsageItem, DateOnly Date,
    decimal Amount, string Counterparty, string? Purpose, string? Reference, string? DecisionReference, FundEntryStatus Status,
    string RecordedBy, string? FirstApprovedBy, string? SecondApprovedBy, string? BankListNumber, string? BankReference,
    int? ReversalOfId, bool Reversed, string? Reason)
{
    /// <summary>Why the Manager rejected the request, for Finance to read in the ledger.</summary>
    public string? RejectionReason { get; init; }

    public string? RejectedBy { get; init; }

    /// <summary>Who gave the first of two approvals: that Manager may not give the second.</summary>
    public string? FirstApprovedById { get; init; }

    /// <summary>The day the bank paid a paid expenditure (its bank day); null until then.</summary>
    public DateOnly? PaidOn { get; init; }

    /// <summary>The building named for an expenditure, by name.</summary>
    public string? Building { get; init; }

    /// <summary>The common part named for an expenditure, in words.</summary>
    public string? CommonPart { get; init; }

    /// <summary>The repair work order the expenditure pays for.</summary>
    public int? WorkOrderId { get; init; }

    /// <summary>The day the money moved at the bank: the payment day of a paid expenditure, otherwise the line's date.</summary>
    public DateOnly BankDate => PaidOn ?? Date;

    /// <summary>A posted line not yet reversed, and not itself a reversal, may be reversed.</summary>
    public bool CanReverse => Status is FundEntryStatus.Posted or FundEntryStatus.Paid && ReversalOfId is null && !Reversed;
}

/// <summary>Which lines of the ledger to list.</summary>
public enum FundLedgerFilter
{
    All,
    Receipts,
    Expenditures,
    AwaitingApproval,
}

/// <summary>A building an expenditure may name.</summary>
public sealed record FundBuildingOption(int Id, string Name);

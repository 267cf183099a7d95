using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;

namespace PropertyHub.Features.Fund;

public enum FundEntryKind
{
    Receipt,
    Expenditure,
}

/// <summary>Where a receipt comes from.</summary>
public enum FundReceiptSource
{
    OwnerContributions,
    Interest,
    Other,
}

/// <summary>The usage items of the fund (P1§8.2).</summary>
public enum FundUsageItem
{
    DailyRepairs,
    SpecialRepairs,
    Renewal,
    MediumRepairs,
    MajorRepairs,
    /// <summary>Only with the owners' assembly's decision (業主大會或業主代表大會決定): its reference is required.</summary>
    CommitteeActivities,
}

public enum FundEntryStatus
{
    /// <summary>A receipt (or a reversal): in the balance as soon as it is recorded.</summary>
    Posted,
    /// <summary>An expenditure waiting for the Manager.</summary>
    Requested,
    /// <summary>Above the second-approval threshold, one Manager has approved; another must.</summary>
    AwaitingSecondApproval,
    Approved,
    /// <summary>On a bank expense list handed to the custodian bank.</summary>
    OnList,
    Paid,
    Rejected,
}

/// <summary>
/// One line of a fund's ledger. Never deleted or changed in amount: a mistake in a posted line is undone by a reversing
/// entry (the opposite amount, pointing at the line it reverses, with the reason); a request not yet paid is rejected.
/// </summary>
public sealed class FundEntry : IVersioned, IAudited
{
    public int Id { get; set; }
    public int FundAccountId { get; set; }
    public FundEntryKind Kind { get; set; }
    public FundReceiptSource? Source { get; set; }
    public FundUsageItem? UsageItem { get; set; }
    /// <summary>The value date (the bank's date), in the estate's calendar.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Positive; negative only for a reversing entry.</summary>
    public decimal Amount { get; set; }
    public required string Counterparty { get; set; }
    /// <summary>The payee's bank account (expenditures: the bank expense list needs it).</summary>
    public string? CounterpartyAccount { get; set; }
    public string? Purpose { get; set; }
    /// <summary>Invoice, contract or bank slip number.</summary>
    public string? Reference { get; set; }
    /// <summary>The owners' assembly decision (committee activities only).</summary>
    public string? DecisionReference { get; set; }
    public FundEntryStatus Status { get; set; }
    public required string RecordedBy { get; set; }
    public string? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? FirstApprovedBy { get; set; }
    public string? FirstApprovedById { get; set; }
    public DateTimeOffset? FirstApprovedAt { get; set; }
    public string? SecondApprovedBy { get; set; }
    public string? SecondApprovedById { get; set; }
    public DateTimeOffset? SecondApprovedAt { get; set; }
    public string? RejectedBy { get; set; }
    public string? RejectionReason { get; set; }
    public int? BankExpenseListId { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? BankReference { get; set; }
    public int? ReversalOfId { get; set; }
    public string? Reason { get; set; }
    /// <summary>The bank statement line this line is matched to in the reconciliation (several may share one).</summary>
    public int? StatementLineId { get; set; }
    /// <summary>Recorded in the reconciliation to explain a bank line the ledger lacked (its reason in <see cref="Reason"/>).</summary>
    public bool IsAdjustment { get; set; }
    /// <summary>The building an expenditure was spent on (null: not named, or the estate's grounds).</summary>
    public int? BuildingId { get; set; }
    /// <summary>The common part it was spent on, in words ("电梯", "屋面", "地下车库"), with or without a building.</summary>
    public string? CommonPart { get; set; }
    /// <summary>The repair work order this expenditure pays for (charged to the fund from the work order).</summary>
    public int? WorkOrderId { get; set; }
    public int Version { get; set; }

    /// <summary>The day the money moved at the bank: the payment's day for a paid expenditure.</summary>
    public DateOnly BankDate => PaidOn ?? Date;

    /// <summary>Counts in the ledger balance: receipts, paid expenditures and their reversals.</summary>
    public bool IsPosted => Posts(Status);

    public static bool Posts(FundEntryStatus status) => status is FundEntryStatus.Posted or FundEntryStatus.Paid;

    /// <summary>Promised but not yet paid: reduces what may still be spent.</summary>
    public static bool Commits(FundEntryStatus status) =>
        status is FundEntryStatus.Requested or FundEntryStatus.AwaitingSecondApproval or FundEntryStatus.Approved or FundEntryStatus.OnList;

    /// <summary>The line that undoes this one: the opposite amount on <paramref name="date"/>, with the reason.</summary>
    public FundEntry ReversalOn(DateOnly date, Actor who, DateTimeOffset at, string reason) => new()
    {
        FundAccountId = FundAccountId,
        Kind = Kind,
        Source = Source,
        UsageItem = UsageItem,
        Date = date,
        Amount = -Amount,
        Counterparty = Counterparty,
        CounterpartyAccount = CounterpartyAccount,
        Purpose = Purpose,
        Reference = Reference,
        DecisionReference = DecisionReference,
        BuildingId = BuildingId,
        CommonPart = CommonPart,
        Status = Status,
        RecordedBy = who.Name,
        RecordedById = who.UserId,
        RecordedAt = at,
        ReversalOfId = Id,
        Reason = reason,
    };

    /// <summary>What a line does to the balance once posted.</summary>
    public static decimal Signed(FundEntryKind kind, decimal amount) => kind == FundEntryKind.Receipt ? amount : -amount;
}

internal sealed class FundEntryConfiguration : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UsageItem).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Counterparty).HasMaxLength(100);
        builder.Property(e => e.CounterpartyAccount).HasMaxLength(40);
        builder.Property(e => e.Purpose).HasMaxLength(200);
        builder.Property(e => e.Reference).HasMaxLength(100);
        builder.Property(e => e.DecisionReference).HasMaxLength(100);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.Property(e => e.RecordedById).HasMaxLength(450);
        builder.Property(e => e.FirstApprovedBy).HasMaxLength(256);
        builder.Property(e => e.FirstApprovedById).HasMaxLength(450);
        builder.Property(e => e.SecondApprovedBy).HasMaxLength(256);
        builder.Property(e => e.SecondApprovedById).HasMaxLength(450);
        builder.Property(e => e.RejectedBy).HasMaxLength(256);
        builder.Property(e => e.RejectionReason).HasMaxLength(500);
        builder.Property(e => e.BankReference).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.CommonPart).HasMaxLength(FundRules.CommonPartLength);
        builder.HasOne<Registry.Building>().WithMany().HasForeignKey(e => e.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.FundAccountId, e.Date, e.Id });
        builder.HasIndex(e => new { e.FundAccountId, e.Status });
        // A line is reversed at most once.
        builder.HasIndex(e => e.ReversalOfId).IsUnique();
        builder.HasOne<FundEntry>().WithMany().HasForeignKey(e => e.ReversalOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundAccount>().WithMany().HasForeignKey(e => e.FundAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.StatementLineId);
        builder.HasOne<Reconciliation.FundStatementLine>().WithMany().HasForeignKey(e => e.StatementLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BankExpenseList>().WithMany().HasForeignKey(e => e.BankExpenseListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.WorkOrderId);
        builder.HasOne<Repairs.WorkOrder>().WithMany().HasForeignKey(e => e.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

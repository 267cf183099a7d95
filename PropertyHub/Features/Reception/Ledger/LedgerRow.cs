namespace PropertyHub.Features.Reception.Ledger;

/// <summary>What was done with a contact, as read from the item and its timeline.</summary>
public sealed record LedgerHandling(
    RequestKind Kind,
    bool AnsweredNow,
    DateTimeOffset? AgreedReplyAt,
    Department? TransferredTo,
    string? ForColleague,
    EscalationLevel Level,
    DateTimeOffset? RepliedAt,
    RequestStatus Status,
    CloseReason? CloseReason = null);

/// <summary>One line of the front-desk ledger (客服前臺臺帳).</summary>
public sealed record LedgerRow(
    int Id,
    DateTimeOffset ReceivedAt,
    string? Unit,
    string? CallerName,
    Channel Channel,
    RequestKind Kind,
    string Content,
    LedgerHandling Handling,
    string? Remark,
    string TakenByName,
    DateTimeOffset? RepliedAt,
    bool RepliedLate);

public sealed record LedgerSlice(IReadOnlyList<LedgerRow> Rows, int Total);

public sealed record EstateOption(int Id, string Name);

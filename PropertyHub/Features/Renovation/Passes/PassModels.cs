namespace PropertyHub.Features.Renovation;

/// <summary>A worker with their pass (if any) as the renovation page and the printed cards show them.</summary>
public sealed record WorkerPassView(int WorkerId, string Name, string MaskedId, int? PassId, string? Number, DateOnly? ValidFrom, DateOnly? ValidTo,
    Guid? PhotoFileId, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokeReason,
    DateTimeOffset? ReturnedAt = null, string? WriteOffReason = null);

/// <summary>
/// What the guard sees: the outcome with the worker and unit (none when the number is unknown), the earlier checks today,
/// and the reason a pass was written off or revoked.
/// </summary>
public sealed record GateResult(GateOutcome Outcome, string Number, int? PassId, string? Worker, string? Unit, DateOnly? ValidFrom, DateOnly? ValidTo,
    int EarlierChecksToday, string? Reason = null);

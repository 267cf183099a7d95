namespace PropertyHub.Features.MoveIn;

/// <summary>
/// The rules of moving or taking out one unit of a batch, without the database: a standing batch, a unit neither taken
/// out nor moved in, a reason; a move to days not past, in order, no longer than a batch, and not the days it has.
/// </summary>
public static class UnitChangeRules
{
    /// <summary>Why the unit's handover cannot be changed at all, or null.</summary>
    public static string? Change(UnitMoveIn moveIn, MoveInBatch batch, string? reason) =>
        batch.CancelledAt is not null ? "BatchCancelled"
        : moveIn.Cancelled ? "UnitCancelled"
        : moveIn.MovedInOn is not null ? "UnitMovedIn"
        : reason is null ? "ReasonRequired"
        : reason.Length > MoveInBatchChange.ReasonMax ? "ReasonTooLong"
        : null;

    /// <summary>Why the unit's handover cannot move to <paramref name="first"/>–<paramref name="last"/>, or null.</summary>
    public static string? Move(UnitMoveIn moveIn, MoveInBatch batch, DateOnly? first, DateOnly? last, HandoverDays current, string? reason, DateOnly today) =>
        Change(moveIn, batch, reason)
        ?? (first is not { } from || last is not { } to ? "DaysRequired"
        : from < today ? "DayInPast"
        : to < from || to.DayNumber - from.DayNumber >= MoveInRules.MaxDays ? "DaysInvalid"
        : new HandoverDays(from, to) == current ? "DaysUnchanged"
        : null);

    /// <summary>The form field an error belongs to ("" for the whole form).</summary>
    public static string FieldOf(string error) => error switch
    {
        "ReasonRequired" or "ReasonTooLong" => "Reason",
        "DaysRequired" or "DayInPast" or "DaysInvalid" or "DaysUnchanged" => "FirstDay",
        _ => "",
    };
}

/// <summary>The days a unit is handed over on: its batch's, or its own once moved.</summary>
public readonly record struct HandoverDays(DateOnly First, DateOnly Last)
{
    /// <summary>"2026-12-28–2026-12-29", or the one day.</summary>
    public override string ToString() => First == Last ? MoveInMessages.Day(First) : $"{MoveInMessages.Day(First)}–{MoveInMessages.Day(Last)}";
}

/// <summary>A unit's own change as its owner's slot link tells it: moved (to its days) or taken out, the day (estate time) and why.</summary>
public sealed record UnitChangeNote(BatchChangeKind Kind, DateOnly On, HandoverDays Days, string? Reason);

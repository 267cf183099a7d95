namespace PropertyHub.Features.MoveIn;

/// <summary>The outcome of a move-in change: empty errors mean it was saved. Values are MoveInText keys; field "" is the whole form.</summary>
public sealed record MoveInResult(IReadOnlyDictionary<string, string> Errors, int? Id = null)
{
    public bool Ok => Errors.Count == 0;

    public static MoveInResult Saved(int id) => new(new Dictionary<string, string>(), id);

    public static MoveInResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });

    /// <summary>Saves a change checked against the version the user saw: a version moved meanwhile is a clear refusal.</summary>
    public static async Task<MoveInResult> SaveAsync(Data.AppDbContext db, int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Saved(id);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return Fail("", "ChangedMeanwhile");
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (Data.DbErrors.IsUniqueViolation(e))
        {
            // A paper of the same kind was put on the occupant's file meanwhile: nothing was saved.
            return Fail("", "ChangedMeanwhile");
        }
    }
}

/// <summary>A batch as planned: its units typed as addresses ("1-101, 1-102"), the handover days and the slots of each day.</summary>
public sealed class BatchInput
{
    public int EstateId { get; set; }
    public string? Name { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
    public TimeOnly DayStart { get; set; } = new(9, 0);
    public TimeOnly DayEnd { get; set; } = new(17, 0);
    public int SlotMinutes { get; set; } = 60;
    public string? Units { get; set; }
}

public enum MoveInStage
{
    /// <summary>In the batch; no slot picked yet.</summary>
    Invited,
    Booked,
    Completed,
}

/// <summary>One unit of a batch as the batch page lists it.</summary>
public sealed record BatchUnitRow(int MoveInId, string Unit, string Owner, string? Slot, bool Noticed, DateOnly? MovedInOn)
{
    public MoveInStage Stage => MovedInOn is not null ? MoveInStage.Completed : Slot is not null ? MoveInStage.Booked : MoveInStage.Invited;
    /// <summary>The move-in's version, for a change of this one unit.</summary>
    public int Version { get; init; }
    /// <summary>Taken out of the batch (or the batch cancelled).</summary>
    public bool Cancelled { get; init; }
    /// <summary>The unit's own days when it was moved on its own; null while it follows the batch's.</summary>
    public HandoverDays? OwnDays { get; init; }
}

public sealed record BatchRow(int Id, string Name, DateOnly FirstDay, DateOnly LastDay, int Units, int Completed, DateTimeOffset? NoticesSentAt,
    DateTimeOffset? CancelledAt = null);

public sealed record BatchView(int Id, int Version, int EstateId, string Name, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset? NoticesSentAt,
    int Slots, IReadOnlyList<BatchUnitRow> Units)
{
    public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>The days moved and the cancellation, oldest first.</summary>
    public IReadOnlyList<MoveInBatchChange> History { get; init; } = [];
}

/// <summary>What the owner sees through the slot link: their unit, the slot they hold, and the slots still free.</summary>
public sealed record SlotChoice(int Id, DateOnly Day, TimeOnly Start, TimeOnly End)
{
    public string Label => $"{Day:yyyy-MM-dd} {Start:HH\\:mm}–{End:HH\\:mm}";
}

public sealed record SlotLinkView(string Unit, string Owner, string Language, string Batch, SlotChoice? Picked, IReadOnlyList<SlotChoice> Free,
    IReadOnlyList<string> Documents, IReadOnlyList<string> Preparations)
{
    /// <summary>Set when the batch was cancelled: the link then opens only this (the day and the reason), no slots.</summary>
    public BatchCancellation? Cancelled { get; init; }
    /// <summary>Set when this one unit was moved (the slots offered are on its new days) or taken out of the batch (no slots).</summary>
    public UnitChangeNote? UnitChange { get; init; }
}

/// <summary>A cancelled batch as its owners' links show it: the day it was called off (estate time) and why.</summary>
public sealed record BatchCancellation(DateOnly On, string? Reason);

using System.Text.RegularExpressions;

namespace PropertyHub.Features.MoveIn;

/// <summary>The move-in's rules, without the database: what a batch may be, when a unit may be completed.</summary>
public static partial class MoveInRules
{
    public const int MaxDays = 31;
    public const int MaxUnits = 500;

    /// <summary>Checks a batch as typed; the addresses it names are checked against the registry by the service.</summary>
    public static Dictionary<string, string> Batch(BatchInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var name = Registry.TypedText.Text(input.Name);
        if (name is null)
            errors[nameof(input.Name)] = "NameRequired";
        else if (name.Length > MoveInBatch.NameMax)
            errors[nameof(input.Name)] = "NameTooLong";
        if (input.FirstDay is not { } first || input.LastDay is not { } last)
            errors[nameof(input.FirstDay)] = "DaysRequired";
        else if (first < today)
            errors[nameof(input.FirstDay)] = "DayInPast";
        else if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
            errors[nameof(input.LastDay)] = "DaysInvalid";
        if (input.SlotMinutes is < 10 or > 480 || (input.DayEnd.ToTimeSpan() - input.DayStart.ToTimeSpan()).TotalMinutes < input.SlotMinutes)
            errors[nameof(input.SlotMinutes)] = "SlotsInvalid";
        var addresses = Addresses(input.Units);
        if (addresses.Count == 0)
            errors[nameof(input.Units)] = "UnitsRequired";
        else if (addresses.Count > MaxUnits)
            errors[nameof(input.Units)] = "TooManyUnits";
        return errors;
    }

    /// <summary>The slots of every day of the batch: from the day's start, one every <see cref="BatchInput.SlotMinutes"/>, all ending by its end.</summary>
    public static List<MoveInSlot> Slots(BatchInput input)
    {
        var slots = new List<MoveInSlot>();
        for (var day = input.FirstDay!.Value; day <= input.LastDay!.Value; day = day.AddDays(1))
        {
            var end = (int)input.DayEnd.ToTimeSpan().TotalMinutes;
            for (var minute = (int)input.DayStart.ToTimeSpan().TotalMinutes; minute + input.SlotMinutes <= end; minute += input.SlotMinutes)
                slots.Add(new MoveInSlot { Day = day, Start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)), End = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute + input.SlotMinutes)) });
        }
        return slots;
    }

    /// <summary>The unit addresses typed ("1-101, 1-102" or one a line), each as (building code, number), without repeats.</summary>
    public static List<(string Code, string Number)> Addresses(string? text) =>
        [.. (Registry.TypedText.Digits(text) ?? "").Split([',', '，', ';', '\n', '\r', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => AddressPattern().Match(a)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Distinct()];

    /// <summary>Whatever cannot be read as an address, to name it back to the clerk.</summary>
    public static List<string> Unreadable(string? text) =>
        [.. (Registry.TypedText.Digits(text) ?? "").Split([',', '，', ';', '\n', '\r', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => !AddressPattern().IsMatch(a))];

    /// <summary>Why a move-in cannot be completed yet, or null: the house inspected and the keys signed for.</summary>
    public static string? Complete(UnitMoveIn moveIn) =>
        moveIn.MovedInOn is not null ? "AlreadyCompleted"
        : moveIn.InspectedAt is null ? "InspectionFirst"
        : moveIn.KeysSignedAt is null ? "KeysFirst"
        : null;

    /// <summary>Why the counter may no longer change a move-in (completed), or null.</summary>
    public static string? Open(UnitMoveIn? moveIn) =>
        moveIn is null ? "MoveInNotFound" : moveIn.Cancelled ? "BatchCancelled" : moveIn.MovedInOn is not null ? "AlreadyCompleted" : null;

    /// <summary>Why a batch's days cannot move to start on <paramref name="first"/>, or null: a standing batch, to a day not past and not the same.</summary>
    public static string? Move(MoveInBatch batch, DateOnly? first, DateOnly today) =>
        batch.CancelledAt is not null ? "BatchCancelled"
        : first is not { } day ? "DaysRequired"
        : day < today ? "DayInPast"
        : day == batch.FirstDay ? "DaysUnchanged"
        : null;

    /// <summary>Why a batch cannot be cancelled, or null: standing, with a reason, and no unit handed over yet.</summary>
    public static string? Cancel(MoveInBatch batch, string? reason, bool anyMovedIn) =>
        batch.CancelledAt is not null ? "BatchCancelled"
        : reason is null ? "ReasonRequired"
        : reason.Length > MoveInBatchChange.ReasonMax ? "ReasonTooLong"
        : anyMovedIn ? "BatchHasMovedIn"
        : null;

    [GeneratedRegex(@"^([0-9A-Za-z]{1,16})-([0-9A-Za-z]{1,16})$")]
    private static partial Regex AddressPattern();
}

namespace PropertyHub.Features.Repairs.Visits;

/// <summary>The P4 checklist of a visit to a unit, one tap each.</summary>
public enum VisitCheck
{
    /// <summary>Uniform neat, staff badge worn (P4 二).</summary>
    UniformAndBadge,
    /// <summary>Knocked gently and said the greeting (P4 二).</summary>
    KnockedAndGreeted,
    ShoeCovers,
    /// <summary>Tools and parts on a drop cloth, not on the occupant's floor or furniture.</summary>
    DropCloth,
    /// <summary>Worked quietly, or warned the occupant of the noise with an apology.</summary>
    QuietOrWarned,
    /// <summary>Tools packed and the place tidied (P4 六).</summary>
    ToolsPacked,
    /// <summary>Explained the repair and how to use the equipment (P4 六).</summary>
    Explained,
}

/// <summary>The ticked items as a work order stores them: their names, comma-separated, in the checklist's order.</summary>
public static class VisitChecklist
{
    public static string? Write(IEnumerable<VisitCheck> checks)
    {
        var ticked = Enum.GetValues<VisitCheck>().Where(checks.Contains).ToList();
        return ticked.Count == 0 ? null : string.Join(",", ticked);
    }

    public static IReadOnlyList<VisitCheck> Read(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<VisitCheck>(s, out var c) ? (VisitCheck?)c : null).OfType<VisitCheck>().Distinct()];
}

/// <summary>How the visit ended.</summary>
public enum VisitResult
{
    Fixed,
    NeedsParts,
    NeedsAnotherVisit,
}

/// <summary>One of the engineer's visits as his phone lists it.</summary>
public sealed record VisitRow(int WorkOrderId, int Version, WorkOrderStatus Status, string Where, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    string WorkContent, string? ContactName, string? Phone, RepairCategory Category, bool IsPaid);

namespace PropertyHub.Features.Reception.Measures;

/// <summary>
/// A share with a deadline: <see cref="Met"/> of <see cref="Due"/> items were answered in time. Items whose time has
/// not come and that are not answered yet are <see cref="Pending"/> and count in neither.
/// </summary>
public sealed record Share(int Met, int Due, int Pending)
{
    public double? Value => Due == 0 ? null : (double)Met / Due;
}

public sealed record Count<T>(T Key, int Value);

/// <summary>One estate-local week (Monday first) of the trend chart, counting only days inside the range.</summary>
public sealed record WeekBucket(DateOnly Monday, int Complaints, int Inquiries, Share InquiriesOnTime);

/// <summary>The reception measures of P3 4.3 and P1§5.4 for an estate-local date range.</summary>
public sealed record ReceptionMeasures(
    DateOnly From,
    DateOnly To,
    int Total,
    Share InquiriesOnTime,
    Share ComplaintsInTime,
    int ComplaintHours,
    int Replied,
    TimeSpan? MedianReply,
    TimeSpan? P90Reply,
    IReadOnlyList<Count<RequestKind>> ByKind,
    IReadOnlyList<Count<Channel>> ByChannel,
    IReadOnlyList<Count<Department>> ByDepartment,
    IReadOnlyList<WeekBucket> Weeks);

public static class Percentiles
{
    /// <summary>The median: the middle value, or the mean of the two middle values.</summary>
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count == 0
        ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static TimeSpan? NearestRank(IReadOnlyList<TimeSpan> sorted, double p) => sorted.Count == 0
        ? null
        : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

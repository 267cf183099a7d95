namespace PropertyHub.Features.Repairs.Measures;

/// <summary>The repair measures of one group (all, an engineer, a category, a building) over a date range (SPEC §3, P1§5.5).</summary>
public sealed record RepairMeasureRow(string Group, int Orders, int Accepted, int FollowedUp, int Visits, int Kept,
    double? MedianHoursToSchedule, double? P90HoursToSchedule, double? MedianHoursToComplete, double? P90HoursToComplete,
    int FirstVisitFixes, int FollowUpsSatisfied, int FollowUpsAnswered, int Reworks)
{
    /// <summary>Followed up of those accepted (target 100%); null when none was accepted.</summary>
    public double? FollowUpRate => Rate(FollowedUp, Accepted);
    public double? KeptRate => Rate(Kept, Visits);
    public double? FirstVisitFixRate => Rate(FirstVisitFixes, Accepted);
    public double? SatisfactionRate => Rate(FollowUpsSatisfied, FollowUpsAnswered);

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>An accepted repair still waiting for its follow-up call: what keeps the rate under 100%.</summary>
public sealed record MissingFollowUp(int WorkOrderId, string Where, DateTimeOffset AcceptedAt, DateTimeOffset? DueAt);

public sealed record RepairMeasuresReport(DateOnly From, DateOnly To, RepairMeasureRow Total, IReadOnlyList<RepairMeasureRow> ByEngineer,
    IReadOnlyList<RepairMeasureRow> ByCategory, IReadOnlyList<RepairMeasureRow> ByBuilding, IReadOnlyList<MissingFollowUp> Missing);

/// <summary>One work order's facts the measures count, read once.</summary>
internal sealed record MeasuredOrder(int Id, RepairCategory Category, string? Engineer, string Building, string Where, DateTimeOffset CreatedAt,
    DateTimeOffset? FirstBookedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? WindowEnd, DateTimeOffset? AcceptedAt, DateTimeOffset? FollowedUpAt,
    DateTimeOffset? DueAt, WorkOrderStatus Status, int Appointments, int Reworks, int Satisfied, int Answered);

internal static class RepairMeasuresMath
{
    public static RepairMeasureRow Row(string group, IReadOnlyCollection<MeasuredOrder> orders)
    {
        var toSchedule = orders.Where(o => o.FirstBookedAt is not null).Select(o => (o.FirstBookedAt!.Value - o.CreatedAt).TotalHours).ToList();
        var toComplete = orders.Where(o => o.AcceptedAt is not null).Select(o => (o.AcceptedAt!.Value - o.CreatedAt).TotalHours).ToList();
        var visited = orders.Where(o => o.ArrivedAt is not null && o.WindowEnd is not null).ToList();
        return new RepairMeasureRow(group, orders.Count, orders.Count(o => o.AcceptedAt is not null), orders.Count(o => o.AcceptedAt is not null && o.FollowedUpAt is not null),
            visited.Count, visited.Count(o => o.ArrivedAt <= o.WindowEnd),
            Percentile(toSchedule, 0.5), Percentile(toSchedule, 0.9), Percentile(toComplete, 0.5), Percentile(toComplete, 0.9),
            orders.Count(o => o.AcceptedAt is not null && o.Reworks == 0 && o.Appointments == 1),
            orders.Sum(o => o.Satisfied), orders.Sum(o => o.Answered), orders.Sum(o => o.Reworks));
    }

    /// <summary>The nearest-rank percentile (0.5 the median), or null of nothing.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }
}

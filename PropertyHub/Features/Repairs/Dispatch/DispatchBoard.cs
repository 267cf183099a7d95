namespace PropertyHub.Features.Repairs.Dispatch;

/// <summary>One standing appointment on the dispatch board.</summary>
public sealed record BoardVisit(int WorkOrderId, int AppointmentId, string EngineerId, string Where, RepairCategory Category, RepairUrgency Urgency,
    WorkOrderStatus Status, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int ExpectedMinutes, DateOnly Day, bool Overlaps);

/// <summary>An engineer's row on the board: his visits in time order.</summary>
public sealed record BoardEngineer(string Id, string Name, IReadOnlyList<BoardVisit> Visits)
{
    public IEnumerable<BoardVisit> On(DateOnly day) => Visits.Where(v => v.Day == day);
}

/// <summary>The dispatch board of one day (<see cref="Days"/> = 1) or a week (7) from <see cref="From"/>.</summary>
public sealed record DispatchBoard(DateOnly From, int Days, IReadOnlyList<BoardEngineer> Engineers)
{
    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, Days).Select(From.AddDays);

    public int OverlapCount => Engineers.Sum(e => e.Visits.Count(v => v.Overlaps));
}

namespace PropertyHub.Features.Settings;

/// <summary>
/// When an estate's lines are staffed (P1§3.1, P1§5.3): counter and service line 09:00–21:00 daily,
/// repair hotline and complaint line around the clock. Times are the estate's local time.
/// </summary>
public sealed class ServiceCalendar
{
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    public TimeOnly CounterOpens { get; set; } = new(9, 0);
    public TimeOnly CounterCloses { get; set; } = new(21, 0);
    public TimeOnly ServiceLineOpens { get; set; } = new(9, 0);
    public TimeOnly ServiceLineCloses { get; set; } = new(21, 0);
    public bool RepairHotlineAllDay { get; set; } = true;
    public bool ComplaintLineAllDay { get; set; } = true;

    /// <summary>
    /// Whether the service line is staffed at an estate wall-clock time. Instants are turned into the estate's time by
    /// <see cref="EstateTime"/>, which reads this calendar's zone: the one place that converts.
    /// </summary>
    public bool IsServiceLineOpen(TimeOnly local) => local >= ServiceLineOpens && local < ServiceLineCloses;
}

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

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Whether the service line is staffed at the given instant.</summary>
    public bool IsServiceLineOpen(DateTimeOffset at)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);
        return local >= ServiceLineOpens && local < ServiceLineCloses;
    }

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZone);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PropertyHub.Features.ScheduledDuties;

public sealed class EstateTimeOptions
{
    public const string Section = "PropertyHub";

    /// <summary>IANA time zone the estate lives in; schedules run and times are shown in it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>The estate's time zone, for scheduling and for showing stored UTC times.</summary>
public sealed class EstateTime(IOptions<EstateTimeOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The estate's calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>Today in the estate.</summary>
    public DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow());
}

using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;

namespace PropertyHub.Features.Settings;

public sealed class EstateTimeOptions
{
    public const string Section = "PropertyHub";

    /// <summary>IANA time zone a new estate's service calendar starts with, and the zone when there is no estate yet.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>
/// The one answer to "what time and date is it for this estate". An estate's zone is its service calendar's
/// (<see cref="ServiceCalendar.TimeZoneId"/>); <c>PropertyHub:TimeZone</c> is only the default for new estates and the
/// zone used before any estate exists. Duties are not per estate: they run in the zone of the first estate (the home
/// estate, lowest id). Every conversion between stored UTC and estate wall-clock time goes through here.
/// </summary>
public sealed class EstateTime(IAppDbContextSource dbSource, IOptions<EstateTimeOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Zones are read from the database and kept this long: a calendar saved on this instance is seen at once
    /// (<see cref="Forget"/>), one saved on another instance within this time.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private const int HomeKey = -1;
    private readonly ConcurrentDictionary<int, (TimeZoneInfo Zone, DateTimeOffset ReadAt)> zones = new();

    /// <summary>The configured default (<c>PropertyHub:TimeZone</c>): what a new estate's calendar starts with.</summary>
    public TimeZoneInfo DefaultZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string DefaultZoneId => DefaultZone.Id;

    /// <summary>The home estate's zone (the first estate): the zone duties are scheduled in and shown in.</summary>
    public TimeZoneInfo Zone => Cached(HomeKey, db => db.Estates.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Calendar.TimeZoneId).FirstOrDefault());

    /// <summary>The estate's zone; the default when the estate is not (yet) there.</summary>
    public TimeZoneInfo ZoneOf(int estateId) =>
        Cached(estateId, db => db.Estates.AsNoTracking().Where(e => e.Id == estateId).Select(e => e.Calendar.TimeZoneId).SingleOrDefault());

    /// <summary>Raised when an estate's calendar was saved on this instance (its zone may have changed).</summary>
    public event Action? ZonesChanged;

    /// <summary>Drops what is known of an estate's zone: its calendar was just saved.</summary>
    public void Forget(int estateId)
    {
        zones.TryRemove(estateId, out _);
        zones.TryRemove(HomeKey, out _);
        ZonesChanged?.Invoke();
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    // ---- the home estate: duties, and a page when there is no estate at all (every record and page of an estate uses its own)

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The home estate's calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>Today in the home estate.</summary>
    public DateOnly Today() => LocalDate(clock.GetUtcNow());

    // ---- one estate

    public DateTimeOffset ToLocal(int estateId, DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, ZoneOf(estateId));

    public DateOnly LocalDate(int estateId, DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(estateId, utc).DateTime);

    public DateOnly Today(int estateId) => LocalDate(estateId, clock.GetUtcNow());

    /// <summary>The UTC instant the estate's local day begins.</summary>
    public DateTimeOffset StartOfDay(int estateId, DateOnly day) => StartOfDay(ZoneOf(estateId), day);

    /// <summary>[start of <paramref name="from"/>, start of the day after <paramref name="to"/>) in UTC, for one estate.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(int estateId, DateOnly from, DateOnly to)
    {
        var zone = ZoneOf(estateId);
        return (StartOfDay(zone, from), StartOfDay(zone, to.AddDays(1)));
    }

    /// <summary>The UTC instant of an estate wall-clock time (a time a clock change skips is taken as the instant after the gap).</summary>
    public DateTimeOffset ToUtc(int estateId, DateTime local) => ToUtc(ZoneOf(estateId), local);

    /// <summary>The UTC instant the home estate's local day begins.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => StartOfDay(Zone, day);

    public static DateTimeOffset ToUtc(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Where a day starts inside a spring-forward gap (e.g. midnight in some zones) the wall clock jumps past it.
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static DateTimeOffset StartOfDay(TimeZoneInfo zone, DateOnly day) => ToUtc(zone, day.ToDateTime(TimeOnly.MinValue));

    private TimeZoneInfo Cached(int key, Func<AppDbContext, string?> read)
    {
        var now = clock.GetUtcNow();
        if (zones.TryGetValue(key, out var known) && now - known.ReadAt < CacheFor && now >= known.ReadAt)
            return known.Zone;
        string? id;
        using (var db = dbSource.Create())
            id = read(db);
        var zone = id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : DefaultZone;
        zones[key] = (zone, now);
        return zone;
    }
}

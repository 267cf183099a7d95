using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Settings;

/// <summary>What a service calendar must satisfy before it is saved. Messages are SettingsText keys.</summary>
public static class ServiceCalendarRules
{
    /// <summary>The IANA time zones this machine knows, sorted, for the picker.</summary>
    public static IReadOnlyList<string> TimeZoneIds { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public static IEnumerable<RuleViolation> Check(ServiceCalendar calendar)
    {
        if (!IsKnownTimeZone(calendar.TimeZoneId))
            yield return new(nameof(ServiceCalendar.TimeZoneId), "UnknownTimeZone", calendar.TimeZoneId ?? "");
        if (calendar.CounterOpens >= calendar.CounterCloses)
            yield return new(nameof(ServiceCalendar.CounterOpens), "CounterOpensAfterCloses");
        if (calendar.ServiceLineOpens >= calendar.ServiceLineCloses)
            yield return new(nameof(ServiceCalendar.ServiceLineOpens), "ServiceLineOpensAfterCloses");
    }
}

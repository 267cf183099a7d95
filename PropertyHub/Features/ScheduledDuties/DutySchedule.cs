using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>Says a duty's name, description and cron in the user's language; unknown duties fall back to their code name.</summary>
public static class DutySchedule
{
    public static string Name(IStringLocalizer<DutiesText> text, string duty) => Lookup(text, $"Duty_{duty}_Name") ?? duty;

    public static string Description(IStringLocalizer<DutiesText> text, string duty, object[] arguments) =>
        Lookup(text, $"Duty_{duty}_Description", arguments) ?? "";

    /// <summary>The label of a duty's extra run (e.g. "Extra backup now"), or the general one.</summary>
    public static string Extra(IStringLocalizer<DutiesText> text, string duty) => Lookup(text, $"Duty_{duty}_Extra") ?? text["RunExtra"];

    /// <summary>e.g. "daily at 02:30 (Asia/Shanghai)"; see <see cref="CronWords"/>.</summary>
    public static string Words(IStringLocalizer<DutiesText> text, string cron, string zone) => text["InZone", CronWords.Say(text, cron), zone];

    /// <summary>Estate local time as shown on the page; a missing time as a dash.</summary>
    public static string Local(DateTimeOffset? local) => local?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    private static string? Lookup(IStringLocalizer<DutiesText> text, string key, params object[] arguments)
    {
        var value = text[key, arguments];
        return value.ResourceNotFound ? null : value.Value;
    }
}

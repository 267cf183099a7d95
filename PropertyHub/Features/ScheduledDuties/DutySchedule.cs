using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>Says a duty's name, description and cron in the user's language; unknown duties fall back to their code name.</summary>
public static class DutySchedule
{
    private static readonly string[] QuarterMonths = ["1,4,7,10", "*/3", "1-12/3"];

    public static string Name(IStringLocalizer<DutiesText> text, string duty) => Lookup(text, $"Duty_{duty}_Name") ?? duty;

    public static string Description(IStringLocalizer<DutiesText> text, string duty, object[] arguments) =>
        Lookup(text, $"Duty_{duty}_Description", arguments) ?? "";

    /// <summary>The label of a duty's extra run (e.g. "Extra backup now"), or the general one.</summary>
    public static string Extra(IStringLocalizer<DutiesText> text, string duty) => Lookup(text, $"Duty_{duty}_Extra") ?? text["RunExtra"];

    /// <summary>e.g. "daily at 02:30 (Asia/Shanghai)"; a cron the words do not cover is named as a custom schedule.</summary>
    public static string Words(IStringLocalizer<DutiesText> text, string cron, string zone)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string words;
        if (f.Length == 5 && f.All(x => x == "*"))
            words = text["EveryMinute"];
        else if (f.Length != 5 || !int.TryParse(f[0], out var minute) || !int.TryParse(f[1], out var hour))
            words = text["CustomSchedule"];
        else
        {
            var time = $"{hour:00}:{minute:00}";
            var anyDay = f[2] == "*";
            words = (f[2], f[3], f[4]) switch
            {
                ("*", "*", "*") => text["DailyAt", time],
                ("*", "*", var dow) when int.TryParse(dow, out var d) && d is >= 0 and <= 7 =>
                    text["WeeklyAt", CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)(d % 7)), time],
                (var dom, "*", "*") when !anyDay && int.TryParse(dom, out var day) => text["MonthlyAt", day, time],
                (var dom, var months, "*") when int.TryParse(dom, out var day) && QuarterMonths.Contains(months) => text["QuarterlyAt", day, time],
                _ => text["CustomSchedule"],
            };
        }
        return text["InZone", words, zone];
    }

    /// <summary>Estate local time as shown on the page; a missing time as a dash.</summary>
    public static string Local(DateTimeOffset? local) => local?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    private static string? Lookup(IStringLocalizer<DutiesText> text, string key, params object[] arguments)
    {
        var value = text[key, arguments];
        return value.ResourceNotFound ? null : value.Value;
    }
}

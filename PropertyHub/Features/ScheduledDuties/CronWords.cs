using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// Says a five-field cron in words in the user's language: "every minute", "daily at 02:30", "every Monday at 08:00",
/// "monthly on day 15 at 09:00", "quarterly on day 1 at 09:00", "on 1 January and 1 July at 09:00". Lists, ranges and
/// steps are read in each field; a cron the words do not cover (e.g. both a day of the month and of the week) is named
/// a custom schedule, and the page shows the cron beside it.
/// </summary>
public static class CronWords
{
    public static string Say(IStringLocalizer<DutiesText> text, string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5)
            return text["CustomSchedule"];
        var (minute, hour, dom, month, dow) = (f[0], f[1], f[2], f[3], f[4]);
        if (f.All(x => x == "*"))
            return text["EveryMinute"];
        if (Step(minute) is { } every && hour == "*" && dom == "*" && month == "*" && dow == "*")
            return text["EveryMinutes", every];
        var minutes = Values(minute, 0, 59);
        if (minutes is not { Count: 1 })
            return text["CustomSchedule"];
        if (hour == "*" && dom == "*" && month == "*" && dow == "*")
            return text["HourlyAt", minutes[0].ToString("00", CultureInfo.InvariantCulture)];
        var hours = Values(hour, 0, 23);
        if (hours is null)
            return text["CustomSchedule"];
        var time = List(text, hours.Select(h => $"{h:00}:{minutes[0]:00}"));
        var days = dom == "*" ? null : Values(dom, 1, 31);
        var months = month == "*" ? null : Values(month, 1, 12);
        var weekdays = dow == "*" ? null : Values(dow, 0, 7)?.Select(d => d % 7).Distinct().Order().ToList();
        if ((dom != "*" && days is null) || (month != "*" && months is null) || (dow != "*" && weekdays is null) || (days is not null && weekdays is not null))
            return text["CustomSchedule"];
        var dayNames = CultureInfo.CurrentCulture.DateTimeFormat;
        return (days, months, weekdays) switch
        {
            (null, null, null) => text["DailyAt", time],
            (null, null, { } w) => text["WeeklyAt", List(text, w.Select(d => dayNames.GetDayName((DayOfWeek)d))), time],
            ({ } d, null, null) => text["MonthlyAt", List(text, d.Select(x => x.ToString(CultureInfo.CurrentCulture))), time],
            ({ Count: 1 } d, { } m, null) when IsQuarterly(m) => text["QuarterlyAt", d[0], time],
            ({ } d, { } m, null) => text["OnDatesAt", List(text, m.SelectMany(mm => d.Select(dd => text["DateInYear", mm, dd, dayNames.GetMonthName(mm)].Value))), time],
            (null, { } m, null) => text["DailyInMonthsAt", List(text, m.Select(dayNames.GetMonthName)), time],
            _ => text["CustomSchedule"],
        };
    }

    private static bool IsQuarterly(List<int> months) =>
        months is [1, 4, 7, 10];

    /// <summary>"*/5" → 5.</summary>
    private static int? Step(string field) =>
        field.StartsWith("*/", StringComparison.Ordinal) && int.TryParse(field[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : null;

    /// <summary>The values a field names ("1,7", "1-5", "*/3", "1-12/3"), in order; null when it is not a plain numeric field.</summary>
    private static List<int>? Values(string field, int min, int max)
    {
        var values = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => ("", 0),
            };
            if (step == 0)
                return null;
            int from, to;
            if (range == "*")
                (from, to) = (min, max);
            else if (range.Split('-') is [var a, var b] && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out from)
                     && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out to))
            {
            }
            else if (int.TryParse(range, NumberStyles.None, CultureInfo.InvariantCulture, out from))
                to = step > 1 ? max : from;
            else
                return null;
            if (from < min || to > max || from > to)
                return null;
            for (var v = from; v <= to; v += step)
                values.Add(v);
        }
        return values.Count == 0 ? null : [.. values];
    }

    /// <summary>"a", "a and b", "a, b and c" in the user's language.</summary>
    private static string List(IStringLocalizer<DutiesText> text, IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1
            ? string.Concat(all)
            : text["ListAnd", string.Join(text["ListSeparator"].Value, all[..^1]), all[^1]];
    }
}

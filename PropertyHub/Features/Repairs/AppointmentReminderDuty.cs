using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Repairs;

public sealed class RepairsOptions
{
    public const string Section = "Repairs";

    /// <summary>When the evening-before reminders go out, in estate time: 19:00 every day.</summary>
    [Required]
    public string ReminderCron { get; set; } = "0 19 * * *";
}

/// <summary>The daily duty behind <see cref="AppointmentReminders"/>: the run of day D reminds the visits of day D + 1.</summary>
public sealed class AppointmentReminderDuty(IServiceScopeFactory scopes, IOptions<RepairsOptions> options) : IScheduledDuty
{
    public const string DutyName = "repair-appointment-reminders";
    public const string PeriodFormat = "yyyy-MM-dd";

    public string Name => DutyName;

    public string Cron => options.Value.ReminderCron;

    public string PeriodOf(DateTime localOccurrence) => localOccurrence.ToString(PeriodFormat, CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        var day = DateOnly.ParseExact(period, PeriodFormat, CultureInfo.InvariantCulture);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppointmentReminders>().RemindAsync(day.AddDays(1), cancellationToken);
    }
}

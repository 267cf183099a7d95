using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Repairs;

/// <summary>Repairs and visits to units (SPEC §3, P4): work orders, appointments, acceptance and the follow-up call.</summary>
public static class RepairsExtensions
{
    public static WebApplicationBuilder AddRepairs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RepairsOptions>().BindConfiguration(RepairsOptions.Section).ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.ReminderCron, out _), "Repairs:ReminderCron is not a valid cron expression.").ValidateOnStart();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<AppointmentNotices>();
        services.AddScoped<AppointmentReminders>();
        services.AddScoped<RepairLinks>();
        services.AddSingleton<IScheduledDuty, AppointmentReminderDuty>();
        return builder;
    }
}

using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Reception.Escalation;

public static class EscalationExtensions
{
    /// <summary>The sweep as a service; its schedule only where scheduled duties run (ScheduledDuties:Enabled).</summary>
    public static WebApplicationBuilder AddEscalation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EscalationSweep>();
        // Listed on the duties page as a job without periods.
        builder.Services.AddSingleton(new RecurringJobInfo(EscalationSweep.JobId, EscalationSweep.Cron));
        if (builder.Configuration.GetValue($"{ScheduledDutiesOptions.Section}:{nameof(ScheduledDutiesOptions.Enabled)}", true))
            builder.Services.AddHostedService<EscalationScheduler>();
        return builder;
    }
}

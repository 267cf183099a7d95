using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Reception.Escalation;

public static class EscalationExtensions
{
    /// <summary>The sweep as a service; its schedule only where scheduled duties run (ScheduledDuties:Enabled).</summary>
    public static WebApplicationBuilder AddEscalation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EscalationSweep>();
        if (builder.Configuration.GetValue($"{ScheduledDutiesOptions.Section}:{nameof(ScheduledDutiesOptions.Enabled)}", true))
            builder.Services.AddHostedService<EscalationScheduler>();
        return builder;
    }
}

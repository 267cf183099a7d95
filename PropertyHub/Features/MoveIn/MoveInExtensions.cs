using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.MoveIn;

/// <summary>Move-in (SPEC §6, P1§4): batches and slot links, the procedure at the counter, proxy services.</summary>
public static class MoveInExtensions
{
    public static WebApplicationBuilder AddMoveIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MoveInOptions>().BindConfiguration(MoveInOptions.Section).ValidateDataAnnotations()
            .PostConfigure(o =>
            {
                // Lists given in configuration replace the defaults (binding would add to them).
                if (o.Documents.Count == 0)
                    o.Documents.AddRange(MoveInOptions.DefaultDocuments);
                if (o.Preparations.Count == 0)
                    o.Preparations.AddRange(MoveInOptions.DefaultPreparations);
            })
            .Validate(o => Cronos.CronExpression.TryParse(o.ReminderCron, out _) && Cronos.CronExpression.TryParse(o.LateProxyCron, out _),
                "MoveIn:ReminderCron or MoveIn:LateProxyCron is not a valid cron expression.")
            .Validate(o => o.Documents.Concat(o.Preparations).All(i => i.Key.Length is > 0 and <= 40 && i.En.Length > 0 && i.ZhHans.Length > 0 && i.ZhHant.Length > 0)
                && o.Documents.Select(d => d.Key).Distinct().Count() == o.Documents.Count,
                "MoveIn:Documents and MoveIn:Preparations need a unique key and the three languages on every line.")
            .ValidateOnStart();
        services.AddScoped<MoveInNotices>();
        services.AddScoped<MoveInBatchService>();
        services.AddScoped<MoveInBatchChanges>();
        services.AddScoped<MoveInUnitChanges>();
        services.AddScoped<MoveInPaperNotices>();
        services.AddScoped<HandoverSlots>();
        services.AddScoped<MoveInReminders>();
        services.AddScoped<MoveInService>();
        services.AddScoped<MoveInKeyLinks>();
        services.AddScoped<ProxyServiceService>();
        services.AddScoped<LateProxyServices>();
        services.AddSingleton<IScheduledDuty, MoveInReminderDuty>();
        services.AddSingleton<IScheduledDuty, LateProxyServicesDuty>();
        services.AddSingleton(new DutyDescription(MoveInReminderDuty.DutyName,
            sp => [sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MoveInOptions>>().Value.ReminderDaysBefore]));
        services.AddSingleton(new DutyDescription(LateProxyServicesDuty.DutyName, _ => []));
        return builder;
    }
}

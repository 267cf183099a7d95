using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fees.Collection;

public static class CollectionExtensions
{
    public static WebApplicationBuilder AddCollection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CollectionOptions>().BindConfiguration(CollectionOptions.Section).ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.Cron, out _), "Collection:Cron is not a valid cron expression.").ValidateOnStart();
        services.AddScoped<CollectionTaskCreator>();
        services.AddScoped<CollectionService>();
        services.AddScoped<CollectionVisits>();
        services.AddSingleton<IScheduledDuty, CollectionDuty>();
        services.AddSingleton(new DutyDescription(CollectionDuty.DutyName, _ => []));
        return builder;
    }
}

using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.Reception.Live;

namespace PropertyHub.Features.Reception;

public static class ReceptionExtensions
{
    public static WebApplicationBuilder AddReception(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IWorkQueueEvents, InMemoryWorkQueueEvents>();
        services.AddScoped<IntakeValidator>();
        services.AddScoped<ReceptionService>();
        builder.AddEscalation();
        builder.AddLiveQueue();
        return builder;
    }

    public static WebApplication MapReception(this WebApplication app)
    {
        app.MapLiveQueue();
        return app;
    }
}

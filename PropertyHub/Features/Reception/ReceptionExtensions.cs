using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.Reception.IntakeDesk;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.Reception.Live;
using PropertyHub.Features.Reception.Queue;

namespace PropertyHub.Features.Reception;

/// <summary>Reception (SPEC §2): intake, the live queues and their escalation, the front-desk ledger and its measures.</summary>
public static class ReceptionExtensions
{
    public static WebApplicationBuilder AddReception(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IWorkQueueEvents, InMemoryWorkQueueEvents>();
        services.AddScoped<IntakeValidator>();
        services.AddScoped<ReceptionService>();
        services.AddScoped<Demo.DemoReception>();
        builder.AddEscalation();
        // After the in-memory bus: replaces it with Redis when Redis:Connection is set.
        builder.AddLiveQueue();
        services.AddReceptionQueue();
        services.AddLedger();
        services.AddReceptionDesk();
        return builder;
    }

    public static WebApplication MapReception(this WebApplication app)
    {
        app.MapLiveQueue();
        app.MapLedger();
        return app;
    }
}

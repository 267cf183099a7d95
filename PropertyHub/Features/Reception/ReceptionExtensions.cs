namespace PropertyHub.Features.Reception;

public static class ReceptionExtensions
{
    public static WebApplicationBuilder AddReception(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IWorkQueueEvents, InMemoryWorkQueueEvents>();
        services.AddScoped<IntakeValidator>();
        services.AddScoped<ReceptionService>();
        IntakeDesk.DeskExtensions.AddReceptionDesk(services);
        return builder;
    }

    public static WebApplication MapReception(this WebApplication app)
    {
        return app;
    }
}

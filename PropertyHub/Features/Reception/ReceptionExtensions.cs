namespace PropertyHub.Features.Reception;

public static class ReceptionExtensions
{
    public static WebApplicationBuilder AddReception(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IWorkQueueEvents, InMemoryWorkQueueEvents>();
        services.AddScoped<IntakeValidator>();
        services.AddScoped<ReceptionService>();
        Ledger.LedgerExtensions.AddLedger(services);
        services.AddReceptionQueue();
        return builder;
    }

    public static WebApplication MapReception(this WebApplication app)
    {
        Ledger.LedgerExtensions.MapLedger(app);
        return app;
    }
}

namespace PropertyHub.Features.Repairs;

/// <summary>Repairs and visits to units (SPEC §3, P4): work orders, appointments, acceptance and the follow-up call.</summary>
public static class RepairsExtensions
{
    public static WebApplicationBuilder AddRepairs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkOrderService>();
        return builder;
    }
}

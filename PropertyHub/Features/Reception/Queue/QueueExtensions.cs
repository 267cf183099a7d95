using Microsoft.AspNetCore.Components.Server.Circuits;
using PropertyHub.Features.Reception.Queue;

namespace PropertyHub.Features.Reception;

public static class QueueExtensions
{
    /// <summary>The live queue's reads and the reconnect signal its pages listen to.</summary>
    public static IServiceCollection AddReceptionQueue(this IServiceCollection services)
    {
        services.AddScoped<QueueQueries>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitConnection>());
        return services;
    }
}

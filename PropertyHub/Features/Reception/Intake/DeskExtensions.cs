using PropertyHub.Features.Reception.Knowledge;

namespace PropertyHub.Features.Reception.IntakeDesk;

public static class DeskExtensions
{
    /// <summary>The intake page's helpers and the information archive.</summary>
    public static IServiceCollection AddReceptionDesk(this IServiceCollection services)
    {
        services.AddScoped<DeskProfile>();
        services.AddScoped<KnowledgeService>();
        services.AddScoped<FeeAnswers>();
        services.AddScoped<DemoArchive>();
        return services;
    }
}

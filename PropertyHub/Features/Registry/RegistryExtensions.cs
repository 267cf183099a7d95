namespace PropertyHub.Features.Registry;

public static class RegistryExtensions
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoEstate>();
        builder.Services.AddScoped<RegistryService>();
        builder.Services.AddScoped<Audit.AuditQueries>();
        return builder;
    }
}

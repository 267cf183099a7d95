namespace PropertyHub.Features.Registry;

public static class RegistryExtensions
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoEstate>();
        return builder;
    }
}

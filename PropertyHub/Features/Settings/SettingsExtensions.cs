namespace PropertyHub.Features.Settings;

public static class SettingsExtensions
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceCalendarService>();
        return builder;
    }
}

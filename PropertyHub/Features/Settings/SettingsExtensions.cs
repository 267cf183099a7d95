namespace PropertyHub.Features.Settings;

public static class SettingsExtensions
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EstateTimeOptions>().BindConfiguration(EstateTimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EstateTime>();
        builder.Services.AddScoped<ServiceCalendarService>();
        return builder;
    }
}

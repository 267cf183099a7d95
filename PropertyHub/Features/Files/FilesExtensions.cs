namespace PropertyHub.Features.Files;

public static class FilesExtensions
{
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FileIntake>();
        return builder;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;

namespace PropertyHub.Features.Files;

public static class FilesExtensions
{
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FilesOptions>, FilesOptionsValidator>();
        services.AddSingleton<FileIntake>();
        services.AddSingleton<FileFolder>();
        services.AddSingleton<FolderWriteInterceptor>();
        // Whichever database is configured, its contexts hand new files' content to the folder store when it is on.
        services.ConfigureDbContext<SqliteDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<FolderWriteInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<SqlServerDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<FolderWriteInterceptor>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<FolderWriteInterceptor>()), ServiceLifetime.Singleton);
        return builder;
    }
}

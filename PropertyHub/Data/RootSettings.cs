namespace PropertyHub.Data;

public static class RootSettings
{
    /// <summary>
    /// In Development the repository's top-level appsettings.Development.json (local connection strings,
    /// Redis, SMTP) overrides the project's own settings.
    /// </summary>
    public static WebApplicationBuilder AddRootSettings(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            var file = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", "appsettings.Development.json"));
            builder.Configuration.AddJsonFile(file, optional: true, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(Environment.GetCommandLineArgs().Skip(1).ToArray());
        }
        return builder;
    }
}

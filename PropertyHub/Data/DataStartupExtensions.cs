using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace PropertyHub.Data;

public static class DataStartupExtensions
{
    /// <summary>Exit code when the database refuses the configured credentials or the connection string is unusable.</summary>
    public const int ExitDatabaseConfiguration = 3;

    /// <summary>Exit code when preparing the database failed for any other reason.</summary>
    public const int ExitDatabaseFailure = 1;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Migrates (unless switched off) and seeds before the app serves, under the start-up lock. A database that does
    /// not answer yet is waited for with back-off (a line per attempt; meanwhile, on Kestrel, a stand-in answers
    /// <c>/health/live</c> 200 and <c>/health/ready</c> 503). Credentials the server refuses, or a connection string
    /// that cannot be used, end the start with one clear line and exit code 3: waiting would not fix them.
    /// Returns null when ready to serve, else the exit code.
    /// </summary>
    public static async Task<int?> PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PropertyHub.Data.Startup");
        if (StartupErrors.Unparsable(options.Provider, options.ConnectionString) is { } why)
        {
            logger.LogCritical("Database:ConnectionString cannot be used for {Provider}: {Reason}. PropertyHub stops", options.Provider, why);
            return ExitDatabaseConfiguration;
        }
        var (server, user) = StartupErrors.Describe(options.Provider, options.ConnectionString);
        var retryMax = app.Configuration.GetValue("Database:StartupRetryMaxDelay", TimeSpan.FromSeconds(30));
        var delay = FirstRetry;
        WebApplication? standIn = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(ct);
                    if (attempt > 1)
                        logger.LogInformation("Database {Provider} at {Server} answered after {Attempts} attempts; starting", options.Provider, server, attempt);
                    return null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    switch (StartupErrors.Classify(e))
                    {
                        case StartupProblem.Unreachable:
                            logger.LogWarning("Database {Provider} at {Server} is not reachable ({Reason}); attempt {Attempt}, next in {Delay:0} s. Not ready meanwhile",
                                options.Provider, server, StartupErrors.Reason(e), attempt, delay.TotalSeconds);
                            standIn ??= await StartStandInAsync(app, logger);
                            await Task.Delay(delay, ct);
                            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, retryMax.Ticks));
                            continue;
                        case StartupProblem.Credentials:
                            logger.LogCritical("Database {Provider} at {Server} refused user {User}: {Reason}. Check Database:ConnectionString and the user's rights; PropertyHub stops",
                                options.Provider, server, user, StartupErrors.Reason(e));
                            return ExitDatabaseConfiguration;
                        case StartupProblem.Configuration:
                            logger.LogCritical("Database {Provider} at {Server} cannot be used as configured: {Reason}. Check Database:ConnectionString; PropertyHub stops",
                                options.Provider, server, StartupErrors.Reason(e));
                            return ExitDatabaseConfiguration;
                        default:
                            logger.LogCritical(e, "Preparing database {Provider} at {Server} failed; PropertyHub stops", options.Provider, server);
                            return ExitDatabaseFailure;
                    }
                }
            }
        }
        finally
        {
            if (standIn is not null)
            {
                await standIn.StopAsync(CancellationToken.None);
                await standIn.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// While the database is awaited the app itself cannot listen yet (its services need the database), so a small
    /// stand-in on the same addresses tells orchestrators "alive, not ready" instead of refusing connections, which a
    /// liveness probe would take for a dead process and restart. Only on Kestrel: a test server has no addresses.
    /// </summary>
    private static async Task<WebApplication?> StartStandInAsync(WebApplication app, ILogger logger)
    {
        if (app.Services.GetService<IServer>() is not { } server || server.GetType().Name != "KestrelServerImpl")
            return null;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = app.Environment.ApplicationName,
                EnvironmentName = app.Environment.EnvironmentName,
                ContentRootPath = app.Environment.ContentRootPath,
                Args = Environment.GetCommandLineArgs().Skip(1).ToArray(),
            });
            // The app's own settings: the same urls, http_ports and Kestrel endpoints.
            builder.Configuration.AddConfiguration(app.Configuration);
            builder.Logging.ClearProviders();
            var standIn = builder.Build();
            standIn.MapGet("/health/live", () => Results.Json(new { status = "Healthy", checks = new { } }));
            standIn.MapGet("/health/ready", () => Results.Json(new { status = "Unhealthy", checks = new { database = "Unhealthy" } }, statusCode: StatusCodes.Status503ServiceUnavailable));
            standIn.MapFallback((HttpContext http) =>
            {
                http.Response.Headers.RetryAfter = "5";
                return Results.Text("PropertyHub is starting: waiting for its database.", statusCode: StatusCodes.Status503ServiceUnavailable);
            });
            await standIn.StartAsync();
            return standIn;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            logger.LogWarning("Could not answer health probes while waiting for the database: {Reason}", e.Message);
            return null;
        }
    }
}

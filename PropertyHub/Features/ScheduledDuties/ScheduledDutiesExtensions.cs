using PropertyHub.Features.Accounts.Access;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.ScheduledDuties;

public static class ScheduledDutiesExtensions
{
    public static WebApplicationBuilder AddScheduledDuties(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScheduledDutiesOptions>().BindConfiguration(ScheduledDutiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DutyClock>();
        services.AddScoped<DutyRunner>();
        services.AddScoped<DutyCatchUp>();
        services.AddScoped<DutiesOverview>();

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Each host builds its own storage: Hangfire's global JobStorage.Current would be shared by every host in
        // a process (test servers), so it is registered here before AddHangfire, which then keeps it.
        services.AddSingleton<JobStorage>(sp =>
        {
            // Applies this host's settings (log provider) to Hangfire's globals before the storage logs anything.
            sp.GetRequiredService<IGlobalConfiguration>();
            return database.Provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString),
                DatabaseProvider.Postgres => PostgresStorage(database.ConnectionString),
                // The embedded default keeps jobs in memory: correctness lives in ScheduledRun, not in Hangfire.
                _ => new InMemoryStorage(),
            };
        });
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Runs of the jobs without periods are counted by this host's server (not through Hangfire's global filters).
        services.AddSingleton<JobTallyFilter>();
        services.AddSingleton<IJobFilterProvider, JobTallyFilterProvider>();
        // Every registration is recorded, so the duties page can flag a job removed on the dashboard and restore it.
        services.AddSingleton<RecurringJobBook>();
        services.Replace(ServiceDescriptor.Singleton<IRecurringJobManager>(sp => new RecordingRecurringJobManager(
            sp.GetRequiredService<IRecurringJobManagerFactory>().GetManager(sp.GetRequiredService<JobStorage>()), sp.GetRequiredService<RecurringJobBook>())));
        if (builder.Configuration.GetValue($"{ScheduledDutiesOptions.Section}:{nameof(ScheduledDutiesOptions.Enabled)}", true))
        {
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
            services.AddHostedService<DutyScheduler>();
        }
        return builder;
    }

    // Installs Hangfire's schema when built (after the app's own migrations, see PrepareDatabaseAsync), or throws:
    // no silent background retries that would leave a half-ready storage behind.
    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, StartupConnectionMaxRetries = 0, AllowDegradedModeWithoutStorage = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    public static WebApplication MapScheduledDuties(this WebApplication app)
    {
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new DutiesDashboardAuthorization()],
            // Read-only for everyone but Admin: no buttons to trigger, requeue or delete (and the filter refuses such posts).
            IsReadOnlyFunc = DutiesDashboardAuthorization.IsReadOnly,
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }).RequireAuthorization(Can.SeeDuties).Add(DashboardCulture.Apply);
        return app;
    }
}

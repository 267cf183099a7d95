using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authorization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.ScheduledDuties;

public static class ScheduledDutiesExtensions
{
    public static WebApplicationBuilder AddScheduledDuties(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScheduledDutiesOptions>().BindConfiguration(ScheduledDutiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EstateTimeOptions>().BindConfiguration(EstateTimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EstateTime>();
        services.AddSingleton<DutyClock>();
        services.AddScoped<DutyRunner>();
        services.AddScoped<DutyCatchUp>();

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString);
                    break;
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString));
                    break;
                default:
                    // The embedded default keeps jobs in memory: correctness lives in ScheduledRun, not in Hangfire.
                    config.UseInMemoryStorage();
                    break;
            }
        });
        if (builder.Configuration.GetValue($"{ScheduledDutiesOptions.Section}:{nameof(ScheduledDutiesOptions.Enabled)}", true))
        {
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
            services.AddHostedService<DutyScheduler>();
        }
        return builder;
    }

    public static WebApplication MapScheduledDuties(this WebApplication app)
    {
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new DutiesDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.SeeDuties });
        return app;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, builder.Environment.ContentRootPath);
                services.AddDbContextFactory<SqliteDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(new SqliteBusyTimeout(), new WritePriorityInterceptor()));
                services.AddSingleton<IAppDbContextSource, AppDbContextSource<SqliteDbContext>>();
                services.AddDataProtection().PersistKeysToDbContext<SqliteDbContext>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerDbContext>(o => o.UseSqlServer(options.ConnectionString, s =>
                {
                    if (options.RetriesOnFailure)
                        s.ExecutionStrategy(d => StartupRetries.Choose(d, d => new SqlServerRetryingExecutionStrategy(d)));
                }));
                services.AddSingleton<IAppDbContextSource, AppDbContextSource<SqlServerDbContext>>();
                services.AddDataProtection().PersistKeysToDbContext<SqlServerDbContext>();
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresDbContext>(o => o.UseNpgsql(options.ConnectionString, n =>
                {
                    if (options.RetriesOnFailure)
                        n.ExecutionStrategy(d => StartupRetries.Choose(d, d => new NpgsqlRetryingExecutionStrategy(d)));
                }));
                services.AddSingleton<IAppDbContextSource, AppDbContextSource<PostgresDbContext>>();
                services.AddDataProtection().PersistKeysToDbContext<PostgresDbContext>();
                break;
        }
        // Keys in the database: a sign-in cookie survives restarts and is read by every instance. The application
        // name isolates the ring from other apps' and keeps it the same whatever folder the app runs from.
        services.AddDataProtection().SetApplicationName("PropertyHub");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WritePriority>();
        // Features ask for the base context; each context created knows who acts (for the audit trail) and the clock.
        services.AddScoped<IDbContextFactory<AppDbContext>, ActingDbContextFactory>();
        // Identity's stores need a scoped context.
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseStartup>();
        return builder;
    }

    /// <summary>Resolves a relative SQLite file under the content root and makes sure its folder exists.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal) && csb.Mode != SqliteOpenMode.Memory)
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        return csb.ToString();
    }
}

/// <summary>Creates provider contexts typed as the base <see cref="AppDbContext"/>.</summary>
public interface IAppDbContextSource
{
    AppDbContext Create();
}

internal sealed class AppDbContextSource<TContext>(IDbContextFactory<TContext> factory) : IAppDbContextSource
    where TContext : AppDbContext
{
    public AppDbContext Create() => factory.CreateDbContext();
}

internal sealed class ActingDbContextFactory(IAppDbContextSource source, CurrentActor actor, TimeProvider clock, WritePriority writes) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext()
    {
        var db = source.Create();
        db.Clock = clock;
        db.Writes = writes;
        db.Actor = actor.GetAsync().GetAwaiter().GetResult();
        return db;
    }

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var db = source.Create();
        db.Clock = clock;
        db.Writes = writes;
        db.Actor = await actor.GetAsync();
        return db;
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PropertyHub.Data;

namespace PropertyHub.Tests.Testing;

/// <summary>
/// The migrated and seeded SQLite database of a test app's start, kept once per test run for each distinct start
/// (environment, settings and the clock's instant): a later app with the same start begins from a copy instead of
/// migrating and seeding the demo estate again. The app still runs its whole start-up on the copy — migrations find
/// nothing to do and seeding finds everything there — so what a test sees is what a fresh start gives.
/// Only for an app on its own SQLite file with scheduled duties off; a clock that is not a fixed instance
/// (a factory registration) makes the start its own.
/// </summary>
internal static class SeededTemplates
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "propertyhub-tests", "templates-" + Environment.ProcessId);
    private static readonly ConcurrentDictionary<string, string> Kept = new();

    static SeededTemplates() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };

    /// <summary>
    /// Hooks an app's start: before the database is first used, a kept copy is put in place when one matches; the
    /// first app of its kind keeps its database as it is when the start-up is done, before any background work runs.
    /// </summary>
    public static void Use(IServiceCollection services, string databaseFile, string ownFolder)
    {
        var start = new StartOfApp(databaseFile);
        services.AddOptions<DatabaseOptions>().PostConfigure<TimeProvider, IConfiguration, IHostEnvironment>(
            (options, clock, configuration, environment) => start.BeforeFirstUse(options, KeyOf(clock, configuration, environment, ownFolder, databaseFile)));
        // First of the hosted services: it starts after the database is prepared and before every other one.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(start));
    }

    private static string? KeyOf(TimeProvider clock, IConfiguration configuration, IHostEnvironment environment, string ownFolder, string databaseFile)
    {
        if (configuration.GetValue("ScheduledDuties:Enabled", false))
            return null;
        var instant = ReferenceEquals(clock, TimeProvider.System)
            ? "system " + DateTime.UtcNow.ToString("yyyyMMddHH")
            : clock.GetType().Name + " " + clock.GetUtcNow().ToString("O");
        var text = new StringBuilder(environment.EnvironmentName).Append('\n').Append(instant).Append('\n');
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is null || value.Contains(ownFolder, StringComparison.Ordinal) || key.StartsWith("Database:ConnectionString", StringComparison.Ordinal))
                continue;
            text.Append(key).Append('=').Append(value).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed class StartOfApp(string databaseFile) : IHostedService
    {
        private string? keepAs;

        public void BeforeFirstUse(DatabaseOptions options, string? key)
        {
            if (key is null || options.Provider != DatabaseProvider.Sqlite || !options.MigrateOnStartup || File.Exists(databaseFile))
                return;
            if (Kept.TryGetValue(key, out var copy))
                File.Copy(copy, databaseFile);
            else
                keepAs = key;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (keepAs is null || Kept.ContainsKey(keepAs) || !File.Exists(databaseFile))
                return Task.CompletedTask;
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
            using (var source = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
            using (var target = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                source.Open();
                source.BackupDatabase(target);
            }
            Kept.TryAdd(keepAs, path);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

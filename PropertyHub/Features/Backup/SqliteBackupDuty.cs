using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Backup;

/// <summary>
/// Nightly online backup of the embedded SQLite database (SQLite's backup API: consistent while the app
/// keeps writing). One file per night, the oldest beyond <see cref="BackupOptions.Keep"/> removed.
/// </summary>
public sealed class SqliteBackupDuty(IOptions<DatabaseOptions> database, IOptions<BackupOptions> options, IHostEnvironment environment) : IScheduledDuty
{
    public const string DutyName = "sqlite-backup";
    private const string Prefix = "propertyhub-";
    /// <summary>Extra backups taken on demand are named apart and pruned apart, so they never push nightly ones out.</summary>
    public const string ExtraPrefix = "extra-";

    public string Name => DutyName;
    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => localOccurrence.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Backups of earlier nights would all be copies of today's database: only the latest night is run.</summary>
    public bool CatchUpEveryPeriod => false;

    /// <summary>The database is worth keeping before any estate is in it (users, settings).</summary>
    public bool NeedsAnEstate => false;

    /// <summary>An extra backup now, e.g. before an upgrade: "extra-20261205-101503" (estate time, to the second).</summary>
    public string? ExtraPeriod(DateTime localNow) => ExtraPrefix + localNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    public Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, $"{Prefix}{period}.db");
        var partial = target + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(DataExtensions.SqliteConnectionString(database.Value.ConnectionString, environment.ContentRootPath)))
        using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            source.Open();
            source.BackupDatabase(destination);
        }
        // Written aside and moved into place, so a crash never leaves a truncated backup under the real name.
        File.Move(partial, target, overwrite: true);
        Prune(period.StartsWith(ExtraPrefix, StringComparison.Ordinal));
        return Task.FromResult(1);
    }

    private void Prune(bool extra)
    {
        var backups = Directory.GetFiles(Folder, $"{Prefix}*.db")
            .Where(f => Path.GetFileName(f).StartsWith(Prefix + ExtraPrefix, StringComparison.Ordinal) == extra)
            .OrderDescending(StringComparer.Ordinal).ToList();
        foreach (var old in backups.Skip(options.Value.Keep))
            File.Delete(old);
    }
}

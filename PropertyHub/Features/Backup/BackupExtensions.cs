using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Backup;

public static class BackupExtensions
{
    /// <summary>The nightly backup only exists on the embedded SQLite database; servers have their own backup tools.</summary>
    public static WebApplicationBuilder AddBackup(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddSingleton<IScheduledDuty, SqliteBackupDuty>();
            // The duties page says how many backups are kept.
            builder.Services.AddSingleton(new DutyDescription(SqliteBackupDuty.DutyName,
                sp => [sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackupOptions>>().Value.Keep]));
        }
        return builder;
    }
}

using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite a relative Data Source is resolved under the content root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/propertyhub.db";

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

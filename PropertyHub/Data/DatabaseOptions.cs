using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite a relative Data Source is resolved under the content root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/propertyhub.db";

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Retry transient failures with EF Core's retrying execution strategy. Unset means on for SQL Server and PostgreSQL
    /// (lost connections, failovers, deadlock victims) and off for SQLite, which has no such strategy.
    /// </summary>
    public bool? RetryOnFailure { get; set; }

    public bool RetriesOnFailure => RetryOnFailure ?? Provider != DatabaseProvider.Sqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Sqlite && RetryOnFailure == true)
            yield return new ValidationResult("SQLite has no retrying execution strategy: leave Database:RetryOnFailure unset or false.", [nameof(RetryOnFailure)]);
    }
}

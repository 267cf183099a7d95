namespace PropertyHub.Data;

/// <summary>
/// A mutable record whose concurrent edits are detected by an app-managed token, so a conflict behaves
/// the same on SQLite, SQL Server and PostgreSQL (none of which share a native row-version type).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

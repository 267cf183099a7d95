using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PropertyHub.Data;

/// <summary>Reads a save's failure the same way on SQLite, SQL Server and PostgreSQL.</summary>
public static class DbErrors
{
    /// <summary>
    /// True when the save failed because a row with the same unique key exists already: how exactly-once work
    /// (notices, forms, requests, tasks) learns that another run got there first.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        for (Exception? e = exception.InnerException; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY
                case SqliteException s when s.SqliteExtendedErrorCode is 2067 or 1555:
                case Npgsql.PostgresException p when p.SqlState == "23505":
                case Microsoft.Data.SqlClient.SqlException q when q.Number is 2601 or 2627:
                    return true;
            }
        }
        return false;
    }
}

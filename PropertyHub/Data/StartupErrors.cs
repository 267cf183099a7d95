using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PropertyHub.Data;

public enum StartupProblem
{
    /// <summary>The server does not answer (yet): not listening, starting up, too busy. Worth waiting for.</summary>
    Unreachable,

    /// <summary>The server answered and refused the user or password, or the user may not use the database.</summary>
    Credentials,

    /// <summary>The connection string cannot be used as written (unknown keyword, missing database when not migrating).</summary>
    Configuration,

    /// <summary>Anything else: a bug or a broken database, not something waiting will fix.</summary>
    Other,
}

/// <summary>Reads why the database could not be prepared at start, the same way for all three providers.</summary>
public static class StartupErrors
{
    // SQL Server: timeout, network errors, server unavailable, Azure SQL throttling and failover.
    private static readonly HashSet<int> SqlServerTransient = [-2, 20, 53, 64, 121, 233, 1205, 10053, 10054, 10060, 10061, 11001, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    public static StartupProblem Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 28P01 invalid_password, 28000 invalid_authorization_specification, 42501 insufficient_privilege.
                case PostgresException p when p.SqlState is "28P01" or "28000" or "42501":
                    return StartupProblem.Credentials;
                case PostgresException { SqlState: "3D000" }:
                    return StartupProblem.Configuration;
                case NpgsqlException { IsTransient: true }:
                    return StartupProblem.Unreachable;
                // 18456 login failed, 18452/18486/18487/18488 login refused or password expired, 4060 cannot open database, 229/262/300 permission denied.
                case SqlException s when s.Number is 18456 or 18452 or 18486 or 18487 or 18488 or 4060 or 229 or 262 or 300:
                    return StartupProblem.Credentials;
                case SqlException s when SqlServerTransient.Contains(s.Number):
                    return StartupProblem.Unreachable;
                // SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY: the file or its folder cannot be used.
                case SqliteException s when s.SqliteErrorCode is 14 or 3 or 8:
                    return StartupProblem.Configuration;
                case SocketException or TimeoutException:
                    return StartupProblem.Unreachable;
            }
        }
        return StartupProblem.Other;
    }

    /// <summary>The innermost database error's own message, one line: what an operator needs, without a stack trace.</summary>
    public static string Reason(Exception exception)
    {
        Exception chosen = exception;
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or SocketException or TimeoutException)
                chosen = e;
        }
        return chosen.Message.ReplaceLineEndings(" ");
    }

    /// <summary>Null when the connection string parses for its provider, else why not.</summary>
    public static string? Unparsable(DatabaseProvider provider, string connectionString)
    {
        try
        {
            _ = provider switch
            {
                DatabaseProvider.Postgres => new NpgsqlConnectionStringBuilder(connectionString).ConnectionString,
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString).ConnectionString,
                _ => new SqliteConnectionStringBuilder(connectionString).ConnectionString,
            };
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return e.Message;
        }
    }

    /// <summary>Server and user of a connection string, for log lines: never the password.</summary>
    public static (string Server, string User) Describe(DatabaseProvider provider, string connectionString)
    {
        try
        {
            switch (provider)
            {
                case DatabaseProvider.Postgres:
                    var pg = new NpgsqlConnectionStringBuilder(connectionString);
                    return ($"{pg.Host}:{pg.Port}/{pg.Database}", pg.Username ?? "");
                case DatabaseProvider.SqlServer:
                    var ss = new SqlConnectionStringBuilder(connectionString);
                    return ($"{ss.DataSource}/{ss.InitialCatalog}", ss.IntegratedSecurity ? "(integrated security)" : ss.UserID);
                default:
                    return (new SqliteConnectionStringBuilder(connectionString).DataSource, "");
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ("(unreadable connection string)", "");
        }
    }
}

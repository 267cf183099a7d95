using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PropertyHub.Data;

/// <summary>
/// One database-wide lock that instances take around migrating and seeding, so when several start together one
/// migrates and seeds while the others wait, then find everything in place. It lives on its own connection (not
/// pooled, so ending it always ends the lock) and is released when disposed; if the process dies, the server (or,
/// for SQLite, the operating system) lets it go with the connection.
/// </summary>
public static class StartupLock
{
    /// <summary>PostgreSQL advisory lock key ("PrHubSt1" in ASCII): the same in every instance and version.</summary>
    public const long PostgresKey = 0x5072_4875_6253_7431;

    /// <summary>SQL Server application lock resource.</summary>
    public const string SqlServerResource = "PropertyHub.Startup";

    internal const string SqlServerAcquire = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = @resource, @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1;
        SELECT @result;
        """;

    internal const string SqlServerRelease = "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = N'Session';";

    /// <summary>Waits (as long as it takes, or until cancelled) for the start-up lock of the configured database.</summary>
    public static Task<IAsyncDisposable> AcquireAsync(DatabaseProvider provider, string connectionString, ILogger logger, CancellationToken ct) =>
        provider switch
        {
            DatabaseProvider.Postgres => PostgresAsync(connectionString, logger, ct),
            DatabaseProvider.SqlServer => SqlServerAsync(connectionString, logger, ct),
            _ => SqliteAsync(connectionString, logger, ct),
        };

    private static async Task<IAsyncDisposable> PostgresAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
        var connection = new NpgsqlConnection(csb.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                tryLock.Parameters.AddWithValue("key", PostgresKey);
                if ((bool)(await tryLock.ExecuteScalarAsync(ct))!)
                    return new Held(connection, () => PostgresUnlockAsync(connection));
            }
            logger.LogInformation("Another instance is migrating or seeding the database; waiting for it");
            await using (var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                wait.Parameters.AddWithValue("key", PostgresKey);
                await wait.ExecuteNonQueryAsync(ct);
            }
            return new Held(connection, () => PostgresUnlockAsync(connection));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Explicitly, so the next instance gets the lock at once: the server ends a closed session a moment later.
    private static async Task PostgresUnlockAsync(NpgsqlConnection connection)
    {
        await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        unlock.Parameters.AddWithValue("key", PostgresKey);
        await unlock.ExecuteNonQueryAsync();
    }

    private static async Task<IAsyncDisposable> SqlServerAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var csb = new SqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new SqlConnection(csb.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var acquire = new SqlCommand(SqlServerAcquire, connection) { CommandTimeout = 0 };
            acquire.Parameters.Add(new SqlParameter("@resource", System.Data.SqlDbType.NVarChar, 255) { Value = SqlServerResource });
            logger.LogDebug("Taking the start-up lock {Resource}", SqlServerResource);
            var result = Convert.ToInt32(await acquire.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            // 0 granted at once, 1 granted after waiting; negative: timeout, cancelled, deadlock victim or error.
            if (result < 0)
                throw new InvalidOperationException($"sp_getapplock refused the start-up lock ({result})");
            return new Held(connection, async () =>
            {
                await using var release = new SqlCommand(SqlServerRelease, connection);
                release.Parameters.Add(new SqlParameter("@resource", System.Data.SqlDbType.NVarChar, 255) { Value = SqlServerResource });
                await release.ExecuteNonQueryAsync();
            });
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // SQLite's own locks cannot be held across the migration (a BEGIN IMMEDIATE on one connection would block the
    // migration's writes on another), so instances sharing the file take an exclusive lock on a file beside it.
    private static async Task<IAsyncDisposable> SqliteAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:" || csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
            return new Held(null, null);
        var path = Path.GetFullPath(csb.DataSource) + ".startup-lock";
        var waiting = false;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock (flock on Unix) that the operating system drops if the process dies.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Held(null, null, file);
            }
            catch (IOException)
            {
                if (!waiting)
                {
                    waiting = true;
                    logger.LogInformation("Another instance is migrating or seeding the database; waiting for it");
                }
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
            }
        }
    }

    private sealed class Held(System.Data.Common.DbConnection? connection, Func<Task>? release, FileStream? file = null) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (release is not null)
                    await release();
            }
            catch (System.Data.Common.DbException)
            {
                // The connection broke (often the very failure being unwound): ending the session below releases the
                // lock all the same, and the original error is the one to report.
            }
            finally
            {
                // Ending the (unpooled) session releases a session-owned lock even when the explicit release failed.
                if (connection is not null)
                    await connection.DisposeAsync();
                if (file is not null)
                    await file.DisposeAsync();
            }
        }
    }
}

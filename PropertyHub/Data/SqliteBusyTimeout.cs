using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PropertyHub.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (its busy handler retries within milliseconds) instead of the driver's
/// coarse retry loop, so a clerk's save slips in between the batches of a long duty instead of waiting seconds; and
/// erases what is deleted (secure_delete).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    // secure_delete: a cleared or deleted value (a notice's sealed link) is overwritten with zeros, not left in the
    // page's free space or on free pages, where the file and every backup copied from it would still hold it.
    private const string Pragma = "PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

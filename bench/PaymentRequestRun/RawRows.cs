using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PaymentRequestRun;

/// <summary>
/// Plain ADO.NET: read a table's rows, and insert rows the fastest way the provider allows, in the caller's transaction.
/// SQLite: prepared multi-row INSERTs of at most 200 parameters (Microsoft.Data.Sqlite binds many parameters slowly),
/// the statement prepared once and its parameters rebound for every chunk. PostgreSQL: binary COPY.
/// </summary>
internal static class RawRows
{
    public const int SqliteParameters = 200;

    public static async Task<Table> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(values);
        }
        return new(columns, types, rows);
    }

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, Table rows) =>
        connection switch
        {
            NpgsqlConnection postgres => CopyAsync(postgres, table, rows),
            SqliteConnection => PreparedAsync(connection, transaction, table, rows.Columns, rows.Rows),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };

    /// <summary>Prepared multi-row INSERTs (SQLite; also the seeding path, where no column types are known).</summary>
    public static async Task PreparedAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var perStatement = Math.Max(1, SqliteParameters / columns.Length);
        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                if (chunk.Length == perStatement)
                {
                    full ??= await CommandAsync(connection, transaction, table, columns, perStatement);
                    await ExecuteAsync(full, chunk, columns.Length);
                }
                else
                {
                    await using var rest = await CommandAsync(connection, transaction, table, columns, chunk.Length);
                    await ExecuteAsync(rest, chunk, columns.Length);
                }
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private static async Task<DbCommand> CommandAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.PrepareAsync();
        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, object?[][] chunk, int columnCount)
    {
        for (var r = 0; r < chunk.Length; r++)
            for (var c = 0; c < columnCount; c++)
                command.Parameters[r * columnCount + c].Value = chunk[r][c] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Binary COPY, each value written as its column's type (as read back).</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, Table rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows.Rows)
        {
            await writer.StartRowAsync();
            for (var c = 0; c < rows.Columns.Length; c++)
            {
                if (row[c] is null)
                    await writer.WriteNullAsync();
                else
                    await writer.WriteAsync(row[c], rows.Types[c]);
            }
        }
        await writer.CompleteAsync();
    }

    /// <summary>The rows without the given columns (e.g. generated ids).</summary>
    public static Table Without(Table table, params string[] drop)
    {
        var keep = table.Columns.Select((c, i) => (c, i)).Where(x => !drop.Contains(x.c)).ToArray();
        return new(keep.Select(x => x.c).ToArray(), keep.Select(x => table.Types[x.i]).ToArray(),
            table.Rows.Select(r => keep.Select(x => r[x.i]).ToArray()).ToList());
    }
}

internal sealed record Table(string[] Columns, string[] Types, List<object?[]> Rows);

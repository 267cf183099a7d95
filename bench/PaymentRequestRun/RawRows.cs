using System.Data.Common;
using System.Text;

namespace PaymentRequestRun;

/// <summary>Plain ADO.NET: read a table's rows, and insert rows with multi-row INSERT statements in one transaction.</summary>
internal static class RawRows
{
    public static async Task<(string[] Columns, List<object?[]> Rows)> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(values);
        }
        return (columns, rows);
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var perStatement = Math.Max(1, 2000 / columns.Length);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = chunk[r][c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The rows without the given columns (e.g. generated ids).</summary>
    public static (string[] Columns, IEnumerable<object?[]> Rows) Without((string[] Columns, List<object?[]> Rows) table, params string[] drop)
    {
        var keep = table.Columns.Select((c, i) => (c, i)).Where(x => !drop.Contains(x.c)).ToArray();
        return (keep.Select(x => x.c).ToArray(), table.Rows.Select(r => keep.Select(x => r[x.i]).ToArray()));
    }
}

using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PropertyHub.Data;

/// <summary>
/// Inserts many new rows of an entity type in the context's current transaction, bypassing change tracking: for
/// duties that write thousands of rows (a monthly run), where EF Core's per-row statements cost several times the
/// database's own speed. Columns, conversions and types come from the EF model, so a row is stored exactly as
/// SaveChanges would store it. The provider's fastest way, as the bench's baseline: on SQLite multi-row INSERTs of at
/// most 200 parameters (Microsoft.Data.Sqlite binds many parameters slowly), each statement prepared once for the
/// life of this object and rebound for every chunk of every transaction; on PostgreSQL binary COPY, generated keys
/// drawn beforehand from the column's sequence. SQLite and PostgreSQL only: elsewhere callers keep SaveChanges.
/// Keep one for a run on a context whose connection stays open (prepared statements live on the connection).
/// A unique violation surfaces as a <see cref="DbUpdateException"/>, like SaveChanges', so exactly-once code reads it
/// with <see cref="DbErrors.IsUniqueViolation"/>; other errors pass unchanged (the execution strategy judges them).
/// </summary>
public sealed class BulkInsert(AppDbContext db) : IAsyncDisposable
{
    private const int SqliteParameters = 200;

    private readonly Dictionary<Type, Table> tables = [];
    private readonly Dictionary<(Type, int), DbCommand> prepared = [];
    private DbConnection? preparedOn;

    public static bool Supports(AppDbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    /// <summary>Inserts <paramref name="rows"/> (their generated key is left to the database and not read back).</summary>
    public Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        rows.Count == 0 ? Task.CompletedTask
        : Connection() is NpgsqlConnection postgres ? CopyAsync(postgres, TableOf<T>(), rows, withKeys: false, ct)
        : InsertSqliteAsync(TableOf<T>(), rows, null, ct);

    /// <summary>
    /// Inserts <paramref name="rows"/> and sets each one's generated key. On SQLite the keys come back by RETURNING,
    /// matched by <paramref name="uniqueInBatch"/> (a property no two of the rows share: the order of RETURNING rows
    /// is not promised); on PostgreSQL they are drawn from the key's sequence before the COPY.
    /// </summary>
    public async Task InsertWithKeysAsync<T>(IReadOnlyList<T> rows, string uniqueInBatch, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        var table = TableOf<T>();
        if (Connection() is NpgsqlConnection postgres)
        {
            await DrawKeysAsync(postgres, table, rows, ct);
            await CopyAsync(postgres, table, rows, withKeys: true, ct);
        }
        else
            await InsertSqliteAsync(table, rows, table.Columns.Single(c => c.Property.Name == uniqueInBatch), ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in prepared.Values)
            await command.DisposeAsync();
        prepared.Clear();
    }

    private DbConnection Connection() => db.Database.GetDbConnection();

    private DbTransaction Transaction() => db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("A raw insert belongs in the caller's transaction");

    private Table TableOf<T>()
    {
        if (!tables.TryGetValue(typeof(T), out var table))
            tables[typeof(T)] = table = Table.Of(db, typeof(T));
        return table;
    }

    // SQLite ---------------------------------------------------------------------------------------------------------

    private async Task InsertSqliteAsync<T>(Table table, IReadOnlyList<T> rows, Column? match, CancellationToken ct) where T : class
    {
        var keys = match is null ? null : new Dictionary<object, long>();
        var perStatement = Math.Max(1, SqliteParameters / table.Columns.Count);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var command = await SqliteCommandAsync(table, count, match, ct);
            var i = 0;
            for (var r = start; r < start + count; r++)
                foreach (var column in table.Columns)
                    command.Parameters[i++].Value = column.ProviderValue(rows[r]);
            try
            {
                if (keys is null)
                    await command.ExecuteNonQueryAsync(ct);
                else
                {
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                        keys[Same(reader.GetValue(1))] = reader.GetInt64(0);
                }
            }
            catch (DbException e) when (DbErrors.IsUniqueViolation(new DbUpdateException(e.Message, e)))
            {
                throw new DbUpdateException($"A row of {table.Name} exists already", e);
            }
        }
        if (keys is not null)
            foreach (var row in rows)
                table.SetKey(row, keys[Same(match!.ProviderValue(row))]);
    }

    /// <summary>SQLite reads every integer back as a long: compare them as longs.</summary>
    private static object Same(object value) => value is int or short or byte ? Convert.ToInt64(value) : value;

    /// <summary>The INSERT for <paramref name="rowCount"/> rows, prepared once on this connection and reused.</summary>
    private async Task<DbCommand> SqliteCommandAsync(Table table, int rowCount, Column? match, CancellationToken ct)
    {
        var connection = Connection();
        if (!ReferenceEquals(connection, preparedOn) || connection.State != System.Data.ConnectionState.Open)
        {
            await DisposeAsync();
            preparedOn = connection;
        }
        if (!prepared.TryGetValue((table.Type, rowCount), out var command))
        {
            command = connection.CreateCommand();
            var sql = db.GetService<ISqlGenerationHelper>();
            var text = new StringBuilder("INSERT INTO ").Append(table.Quoted).Append(" (").Append(table.ColumnList).Append(") VALUES ");
            for (var r = 0; r < rowCount; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var name = $"p{r}_{c}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    var column = table.Columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, column.Property.IsNullable));
                }
                text.Append(')');
            }
            if (match is not null)
                text.Append(" RETURNING ").Append(sql.DelimitIdentifier(table.KeyColumn)).Append(", ").Append(sql.DelimitIdentifier(match.Name));
            command.CommandText = text.ToString();
            command.Transaction = Transaction();
            await command.PrepareAsync(ct);
            prepared[(table.Type, rowCount)] = command;
        }
        command.Transaction = Transaction();
        return command;
    }

    // PostgreSQL -----------------------------------------------------------------------------------------------------

    /// <summary>Draws one key per row from the key column's sequence (an identity column takes given keys too).</summary>
    private async Task DrawKeysAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        await using var command = new NpgsqlCommand(
            $"SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)", connection,
            (NpgsqlTransaction)Transaction());
        command.Parameters.AddWithValue("table", table.Quoted);
        command.Parameters.AddWithValue("column", table.KeyColumn);
        command.Parameters.AddWithValue("count", rows.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
            table.SetKey(rows[i++], reader.GetInt64(0));
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyList<T> rows, bool withKeys, CancellationToken ct) where T : class
    {
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(withKeys ? table.CopyWithKey : table.Copy, ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                if (withKeys)
                    await writer.WriteAsync(table.KeyValue(row), table.KeyStoreType, ct);
                foreach (var column in table.Columns)
                {
                    var value = column.ProviderValue(row);
                    if (value is DBNull)
                        await writer.WriteNullAsync(ct);
                    else
                        await writer.WriteAsync(value, column.StoreType, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DbUpdateException($"A row of {table.Name} exists already", e);
        }
    }

    // The model ------------------------------------------------------------------------------------------------------

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, string StoreType)
    {
        public object ProviderValue(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            return (value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }

    /// <summary>An entity type's table as a raw insert writes it: every column but a generated key, in model order.</summary>
    private sealed class Table
    {
        public required Type Type { get; init; }
        public required string Name { get; init; }
        public required string Quoted { get; init; }
        public required IReadOnlyList<Column> Columns { get; init; }
        public required IProperty Key { get; init; }
        public required string KeyColumn { get; init; }
        public required string KeyStoreType { get; init; }
        public required string ColumnList { get; init; }
        public required string Copy { get; init; }
        public required string CopyWithKey { get; init; }

        public void SetKey(object row, long stored)
        {
            var converter = ((RelationalTypeMapping)Key.GetRelationalTypeMapping()).Converter;
            Key.PropertyInfo!.SetValue(row, converter?.ConvertFromProvider(stored) ?? Convert.ChangeType(stored, Key.ClrType));
        }

        public object KeyValue(object row) => Key.GetGetter().GetClrValueUsingContainingEntity(row)!;

        public static Table Of(AppDbContext db, Type clrType)
        {
            var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model");
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties.Single();
            var columns = new List<Column>();
            foreach (var property in type.GetProperties())
            {
                if (property == key && property.ValueGenerated == ValueGenerated.OnAdd)
                    continue;
                if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
                    throw new NotSupportedException($"{clrType.Name}.{property.Name}: only plain properties are written raw");
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                columns.Add(new(property.GetColumnName(table)!, property, mapping, property.GetGetter(), BaseType(mapping.StoreType)));
            }
            var sql = db.GetService<ISqlGenerationHelper>();
            var quoted = sql.DelimitIdentifier(table.Name, table.Schema);
            var keyColumn = key.GetColumnName(table)!;
            var list = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
            return new Table
            {
                Type = clrType, Name = table.Name, Quoted = quoted, Columns = columns, Key = key, KeyColumn = keyColumn,
                KeyStoreType = BaseType(((RelationalTypeMapping)key.GetRelationalTypeMapping()).StoreType), ColumnList = list,
                Copy = $"COPY {quoted} ({list}) FROM STDIN (FORMAT BINARY)",
                CopyWithKey = $"COPY {quoted} ({sql.DelimitIdentifier(keyColumn)}, {list}) FROM STDIN (FORMAT BINARY)",
            };
        }

        /// <summary>"numeric(18,2)" is written as "numeric", "character varying(200)" as "character varying".</summary>
        private static string BaseType(string storeType) => storeType.Split('(')[0].Trim();
    }
}

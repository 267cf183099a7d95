using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PropertyHub.Data;

/// <summary>
/// Inserts many new rows of one entity type with multi-row INSERT statements in the context's current transaction,
/// bypassing change tracking: for duties that write thousands of rows (a monthly run), where EF Core's per-row
/// statements cost several times the database's own speed. Columns, conversions and parameter types come from the
/// EF model (so a row is stored exactly as SaveChanges would store it); the statement for a full chunk is prepared
/// once and its parameters rebound. SQLite and PostgreSQL only: elsewhere callers keep SaveChanges.
/// A unique violation surfaces as a <see cref="DbUpdateException"/>, like SaveChanges', so exactly-once code reads it
/// with <see cref="DbErrors.IsUniqueViolation"/>; other errors pass unchanged (the execution strategy judges them).
/// </summary>
public static class BulkInsert
{
    public static bool Supports(AppDbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    /// <summary>Microsoft.Data.Sqlite binds many parameters slowly: at most 200 a statement there.</summary>
    private static int MaxParameters(AppDbContext db) => db.Database.IsSqlite() ? 200 : 2000;

    /// <summary>Inserts <paramref name="rows"/> (their generated key is left to the database and not read back).</summary>
    public static Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        WriteAsync(db, rows, null, ct);

    /// <summary>
    /// Inserts <paramref name="rows"/> and sets each one's generated key, matched back by <paramref name="uniqueInBatch"/>
    /// (a property whose value no two of the rows share): the order of RETURNING rows is not promised.
    /// </summary>
    public static Task InsertReturningKeysAsync<T>(AppDbContext db, IReadOnlyList<T> rows, string uniqueInBatch, CancellationToken ct) where T : class =>
        WriteAsync(db, rows, uniqueInBatch, ct);

    private static async Task WriteAsync<T>(AppDbContext db, IReadOnlyList<T> rows, string? uniqueInBatch, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties.Single();
        var columns = new List<Column>();
        foreach (var property in type.GetProperties())
        {
            if (property == key && property.ValueGenerated == ValueGenerated.OnAdd)
                continue;
            if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: only plain properties are written raw");
            columns.Add(new(property.GetColumnName(table)!, property, (RelationalTypeMapping)property.GetRelationalTypeMapping()));
        }
        Column? match = null;
        if (uniqueInBatch is not null)
            match = columns.Single(c => c.Property.Name == uniqueInBatch);
        var keys = new Dictionary<object, object>();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A raw insert belongs in the caller's transaction");
        var sql = db.GetService<ISqlGenerationHelper>();
        var perStatement = Math.Max(1, MaxParameters(db) / columns.Count);
        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                DbCommand command;
                if (chunk.Length == perStatement && full is not null)
                    command = full;
                else
                {
                    command = Command(connection, transaction, sql, table, columns, key, match, chunk);
                    if (chunk.Length == perStatement)
                    {
                        full = command;
                        await command.PrepareAsync(ct);
                    }
                }
                try
                {
                    Bind(command, columns, chunk);
                    if (match is null)
                        await command.ExecuteNonQueryAsync(ct);
                    else
                    {
                        await using var reader = await command.ExecuteReaderAsync(ct);
                        while (await reader.ReadAsync(ct))
                            keys[reader.GetValue(1)] = reader.GetValue(0);
                    }
                }
                catch (DbException e) when (DbErrors.IsUniqueViolation(new DbUpdateException(e.Message, e)))
                {
                    throw new DbUpdateException($"A row of {type.GetTableName()} exists already", e);
                }
                finally
                {
                    if (command != full)
                        await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
        if (match is null)
            return;
        var keyConverter = ((RelationalTypeMapping)key.GetRelationalTypeMapping()).Converter;
        foreach (var row in rows)
        {
            var stored = keys[Convert.ChangeType(Provider(match, match.Property.PropertyInfo!.GetValue(row)), keys.Keys.First().GetType())!];
            var value = keyConverter?.ConvertFromProvider(stored) ?? Convert.ChangeType(stored, key.ClrType);
            key.PropertyInfo!.SetValue(row, value);
        }
    }

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping);

    private static object Provider(Column column, object? value) =>
        (value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<Column> columns, IProperty key, Column? match, object[] chunk)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var r = 0; r < chunk.Length; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{r}_{c}";
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                var column = columns[c];
                command.Parameters.Add(column.Mapping.CreateParameter(command, sql.GenerateParameterName(name),
                    column.Property.PropertyInfo!.GetValue(chunk[r]), column.Property.IsNullable));
            }
            text.Append(')');
        }
        if (match is not null)
            text.Append(" RETURNING ").Append(sql.DelimitIdentifier(key.GetColumnName(table)!)).Append(", ").Append(sql.DelimitIdentifier(match.Name));
        command.CommandText = text.ToString();
        return command;
    }

    private static void Bind(DbCommand command, List<Column> columns, object[] chunk)
    {
        for (var r = 0; r < chunk.Length; r++)
            for (var c = 0; c < columns.Count; c++)
                command.Parameters[r * columns.Count + c].Value = Provider(columns[c], columns[c].Property.PropertyInfo!.GetValue(chunk[r]));
    }
}

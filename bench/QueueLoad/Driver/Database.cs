using Npgsql;
using QueueLoad.Clients;

namespace QueueLoad.Driver;

/// <summary>The driver's own look at the database, through plain Npgsql (not the app).</summary>
internal static class Database
{
    /// <summary>Provisioned beforehand, as in production: the first instance then only migrates and seeds.</summary>
    public static async Task CreateAsync(string adminConnectionString, string name, CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>This run's rows by marker, with PostgreSQL's own commit time of each (track_commit_timestamp).</summary>
    public static async Task<List<StoredRow>> StoredAsync(string connectionString, string run, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT \"Id\", \"Content\", pg_xact_commit_timestamp(xmin), \"TakenById\" FROM \"ServiceRequests\" WHERE \"Content\" LIKE @prefix", connection);
        command.Parameters.AddWithValue("prefix", $"LT{run}-%");
        var rows = new List<StoredRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var marker = PageWatchers.MainMarker().Match(reader.GetString(1)).Value;
            rows.Add(new StoredRow(reader.GetInt32(0), marker, Clock.Ms(reader.GetFieldValue<DateTime>(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return rows;
    }
}

internal sealed record StoredRow(int Id, string Marker, double CommittedMs, string? TakenById);

// The queue's first page (50 rows + the four counters) against a table of closed history, on SQLite.
//   dotnet run -c Release --project bench/QueueFirstPage [-- 10000 1000000]
// For each size: a fresh database file (migrated), N closed items bulk-inserted plus 200 open ones, then 20 warm-up
// runs and the median, p95 and mean of 200 timed runs of QueueQueries.GetPageAsync. The figure is the largest size's
// median against the smallest size's median: the same query doing the same work, so only the history differs.
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 1_000_000];
const int Open = 200;
const int WarmUp = 20;
const int Runs = 200;
var results = new List<(int Size, Timing Page)>();
foreach (var size in sizes)
{
    var file = Path.Combine(Path.GetTempPath(), $"queue-bench-{size}-{Guid.NewGuid():N}.db");
    try
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={file}").Options;
        int estateId;
        await using (var db = new SqliteDbContext(options))
        {
            await db.Database.MigrateAsync();
            var estate = new Estate { Name = "Bench", OfficeName = "Bench office" };
            estate.Buildings.Add(new Building { Code = "1", Name = "1", Units = [new Unit { Number = "101", Floor = 1, Area = 80 }] });
            db.Estates.Add(estate);
            await db.SaveChangesAsync();
            estateId = estate.Id;
        }
        var insert = Stopwatch.StartNew();
        await InsertAsync(file, estateId, size, Open);
        insert.Stop();

        var queries = new QueueQueries(new Factory(options), new EstateTime(new Source(options), Options.Create(new EstateTimeOptions()), TimeProvider.System), TimeProvider.System);
        var filter = new QueueFilter { EstateId = estateId };
        var first = await queries.GetPageAsync(filter);
        if (first.Rows.Count != 50 || first.Counters.Open != Open)
            throw new InvalidOperationException($"unexpected page: {first.Rows.Count} rows, {first.Counters.Open} open");
        var page = await TimeAsync(() => queries.GetPageAsync(filter));
        results.Add((size, page));
        Console.WriteLine($"{size,9:N0} closed + {Open} open (inserted in {insert.Elapsed.TotalSeconds:F1} s): " +
            $"first page + counters over {Runs} runs: median {page.Median:F2} ms, p95 {page.P95:F2} ms, mean {page.Mean:F2} ms");
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}

if (results.Count > 1)
{
    var (small, baseline) = results[0];
    var (large, measured) = results[^1];
    Console.WriteLine($"ratio {large:N0} vs {small:N0}: median {measured.Median / baseline.Median:F2}, p95 {measured.P95 / baseline.P95:F2}, mean {measured.Mean / baseline.Mean:F2}");
}

static async Task<Timing> TimeAsync<T>(Func<Task<T>> action)
{
    for (var i = 0; i < WarmUp; i++)
        await action();
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return new Timing(times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times.Average());
}

static async Task InsertAsync(string file, int estateId, int closed, int open)
{
    var ticks = new DateTimeOffsetToBinaryConverter();
    long Time(DateTimeOffset at) => (long)ticks.ConvertToProvider(at)!;
    await using var connection = new SqliteConnection($"Data Source={file}");
    await connection.OpenAsync();
    await using var transaction = connection.BeginTransaction();
    await using var command = connection.CreateCommand();
    command.CommandText = """
        INSERT INTO ServiceRequests (EstateId, Kind, Channel, Content, IsImportant, Status, ReceivedAt, DueAt, WarnAt, Level, IsOverdue, RepliedLate, ClosedAt, TakenByName, Version)
        VALUES ($estate, $kind, 'ServiceLine', $content, 0, $status, $received, $due, $warn, 'None', 0, 0, $closed, 'bench', 0)
        """;
    var p = new Dictionary<string, SqliteParameter>();
    foreach (var name in new[] { "$estate", "$kind", "$content", "$status", "$received", "$due", "$warn", "$closed" })
        p[name] = command.Parameters.Add(new SqliteParameter(name, null));
    var now = DateTimeOffset.UtcNow;
    string[] kinds = ["Complaint", "Inquiry", "Repair", "Message", "Suggestion"];
    for (var i = 0; i < closed + open; i++)
    {
        var isOpen = i >= closed;
        var received = isOpen ? now.AddMinutes(-i % 600) : now.AddMinutes(-(closed - i) * 3);
        p["$estate"].Value = estateId;
        p["$kind"].Value = kinds[i % (isOpen ? 2 : kinds.Length)];
        p["$content"].Value = "Historical contact number " + i;
        p["$status"].Value = isOpen ? "Open" : "Closed";
        p["$received"].Value = Time(received);
        p["$due"].Value = Time(received.AddHours(72));
        p["$warn"].Value = Time(received.AddHours(48));
        p["$closed"].Value = isOpen ? DBNull.Value : Time(received.AddHours(5));
        await command.ExecuteNonQueryAsync();
    }
    await transaction.CommitAsync();
}

sealed class Source(DbContextOptions<SqliteDbContext> options) : IAppDbContextSource
{
    public AppDbContext Create() => new SqliteDbContext(options);
}

sealed class Factory(DbContextOptions<SqliteDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new SqliteDbContext(options);
}

sealed record Timing(double Median, double P95, double Mean);

// The first page of /notices (25 rows, newest first, the total, the readers' names and units) against the outbox at
// 1,000 notices and at 100,000, on SQLite, or on PostgreSQL with --postgres "<connection string to an empty database>".
//   dotnet run -c Release --project bench/NoticesFirstPage [-- 1000 100000] [--postgres "Host=…;Database=bench"] [--index]
// --index adds the indexes the filtered list wants, (Status, Id), (Channel, Id) and (Kind, Id), which no migration
// creates yet: to compare the "failed only" figure with and without them.
// For each size: a fresh database (migrated; on PostgreSQL the schema is dropped first), 200 occupants, N notices
// bulk-inserted (mostly sent, some pending, failed and cancelled; letters, e-mails and SMS; five kinds), then 20
// warm-up runs and the median, p95 and mean of 200 timed runs of NoticeService.PageAsync, unfiltered (the page as it
// opens) and filtered to failed notices. The figure is the largest size's median against the smallest size's.
using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var withIndex = args.Contains("--index");
var sizes = args.TakeWhile(a => a != "--postgres" && a != "--index").Select(int.Parse).ToArray();
if (sizes.Length == 0)
    sizes = [1_000, 100_000];
const int WarmUp = 20;
const int Runs = 200;
var results = new List<(int Size, Timing Page, Timing Failed)>();
foreach (var size in sizes)
{
    var file = Path.Combine(Path.GetTempPath(), $"notices-bench-{size}-{Guid.NewGuid():N}.db");
    try
    {
        Func<AppDbContext> create = postgres is null
            ? () => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={file}").Options)
            : () => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(postgres).Options);
        int estateId, buildingId;
        List<int> occupantIds;
        await using (var db = create())
        {
            if (postgres is not null)
                await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
            await db.Database.MigrateAsync();
            var estate = new Estate { Name = "Bench", OfficeName = "Bench office" };
            var building = new Building { Code = "1", Name = "1号楼" };
            for (var floor = 1; floor <= 20; floor++)
                for (var door = 1; door <= 10; door++)
                    building.Units.Add(new Unit { Number = $"{floor}{door:D2}", Floor = floor, Area = 80, Occupants = [new Occupant { Name = $"住户{floor}{door:D2}" }] });
            estate.Buildings.Add(building);
            db.Estates.Add(estate);
            await db.SaveChangesAsync();
            (estateId, buildingId) = (estate.Id, building.Id);
            occupantIds = building.Units.SelectMany(u => u.Occupants).Select(o => o.Id).ToList();
        }
        var insert = Stopwatch.StartNew();
        await using (var db = create())
            await InsertAsync(db, postgres is not null, estateId, buildingId, occupantIds, size);
        insert.Stop();
        if (withIndex)
        {
            await using var db = create();
            foreach (var column in new[] { "Status", "Channel", "Kind" })
                await db.Database.ExecuteSqlRawAsync($"CREATE INDEX \"IX_Notices_{column}_Id\" ON \"Notices\" (\"{column}\", \"Id\")");
        }

        var notices = NewService(create);
        var firstPage = PageRequest.From(0, 25);
        var first = await notices.PageAsync(new NoticeFilter(), firstPage);
        if (first.Rows.Count != 25 || first.Total != size || first.Rows.Any(r => r.ReaderName is null))
            throw new InvalidOperationException($"unexpected page: {first.Rows.Count} rows of {first.Total}");
        var page = await TimeAsync(() => notices.PageAsync(new NoticeFilter(), firstPage));
        var failed = await TimeAsync(() => notices.PageAsync(new NoticeFilter(Status: NoticeStatus.Failed), firstPage));
        results.Add((size, page, failed));
        Console.WriteLine($"{(postgres is null ? "SQLite" : "PostgreSQL")}{(withIndex ? " + indexes" : "")} {size,9:N0} notices (inserted in {insert.Elapsed.TotalSeconds:F1} s), {Runs} runs: " +
            $"first page median {page.Median:F2} ms, p95 {page.P95:F2} ms, mean {page.Mean:F2} ms; " +
            $"failed only median {failed.Median:F2} ms, p95 {failed.P95:F2} ms");
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}

if (results.Count > 1)
{
    var (small, baseline, baselineFailed) = results[0];
    var (large, measured, measuredFailed) = results[^1];
    Console.WriteLine($"ratio {large:N0} vs {small:N0}: first page median {measured.Median / baseline.Median:F2}, p95 {measured.P95 / baseline.P95:F2}, " +
        $"mean {measured.Mean / baseline.Mean:F2}; failed only median {measuredFailed.Median / baselineFailed.Median:F2}");
}

// The service as the app builds it; reading the list needs no permission, so nobody is signed in.
static NoticeService NewService(Func<AppDbContext> create)
{
    var services = new ServiceCollection().BuildServiceProvider();
    var localizers = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
    var permissions = new Permissions(new CurrentActor(services), new Factory(create), TimeProvider.System,
        new StringLocalizer<AccountsText>(localizers), NullLogger<Permissions>.Instance);
    return new NoticeService(new Factory(create), TimeProvider.System, permissions, new NoticeLinks(new EphemeralDataProtectionProvider()));
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

static async Task InsertAsync(AppDbContext db, bool postgres, int estateId, int buildingId, List<int> occupantIds, int count)
{
    var ticks = new DateTimeOffsetToBinaryConverter();
    object Time(DateTimeOffset at) => postgres ? at : (long)ticks.ConvertToProvider(at)!;
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = """
        INSERT INTO "Notices" ("EstateId", "Kind", "SourceKey", "Channel", "RecipientKey", "OccupantId", "Address", "BuildingId", "Language",
            "Subject", "Body", "Status", "Attempts", "CreatedAt", "NextAttemptAt", "SentAt", "LastError", "Version")
        VALUES (@estate, @kind, @source, @channel, @recipient, @occupant, @address, @building, 'zh-Hans',
            @subject, '尊敬的业户：请填写本季度评议表，谢谢！', @status, @attempts, @created, @next, @sent, @error, 0)
        """;
    var p = new Dictionary<string, DbParameter>();
    foreach (var name in new[] { "estate", "kind", "source", "channel", "recipient", "occupant", "address", "building", "subject", "status", "attempts", "created", "next", "sent", "error" })
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        command.Parameters.Add(parameter);
        p[name] = parameter;
    }
    string[] kinds = ["survey", "payment-request", "payment-reminder", "disclosure", "personal-link"];
    string[] channels = ["Letter", "Email", "Sms"];
    var start = DateTimeOffset.UtcNow.AddDays(-count / 500.0);
    for (var i = 0; i < count; i++)
    {
        var occupant = occupantIds[i % occupantIds.Count];
        var channel = channels[i % channels.Length];
        // Of every 100: 90 sent, 5 pending, 4 failed, 1 cancelled.
        var status = (i % 100) switch { < 90 => "Sent", < 95 => "Pending", < 99 => "Failed", _ => "Cancelled" };
        var created = start.AddSeconds(i * 170);
        p["estate"].Value = estateId;
        p["kind"].Value = kinds[i / 7 % kinds.Length];
        p["source"].Value = $"bench:{i}";
        p["channel"].Value = channel;
        p["recipient"].Value = NoticeOutbox.OccupantKey(occupant);
        p["occupant"].Value = occupant;
        p["address"].Value = channel switch { "Email" => $"o{occupant}@example.test", "Sms" => $"139{occupant:D8}", _ => DBNull.Value };
        p["building"].Value = buildingId;
        p["subject"].Value = "业户评议表 " + i;
        p["status"].Value = status;
        p["attempts"].Value = status == "Failed" ? NoticeDelivery.MaxAttempts : status == "Sent" ? 1 : 0;
        p["created"].Value = Time(created);
        p["next"].Value = status == "Pending" && channel != "Letter" ? Time(created) : DBNull.Value;
        p["sent"].Value = status == "Sent" ? Time(created.AddMinutes(1)) : DBNull.Value;
        p["error"].Value = status == "Failed" ? "SocketException: Connection refused" : DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }
    await transaction.CommitAsync();
    if (postgres)
    {
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}

sealed class Factory(Func<AppDbContext> create) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => create();
}

sealed record Timing(double Median, double P95, double Mean);

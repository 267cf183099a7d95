// The first page of /notices (25 rows, newest first, the total, the readers' names and units) against the outbox at
// 1,000 notices and at 100,000 (it counts to 1,000 and then says "more than 1,000"), on SQLite, or on PostgreSQL
// with --postgres "<connection string to a database the bench may empty>".
//   dotnet run -c Release --project bench/NoticesFirstPage [-- 1000 100000] [--postgres "Host=…;Database=bench"] [--index]
// --index adds the indexes the filtered list wants, (Status, Id), (Channel, Id) and (Kind, Id), which no migration
// creates yet: to compare the "failed only" figure with and without them.
// For each size: a fresh database (migrated; on PostgreSQL "<database>_<size>", dropped first), 200 occupants, N
// notices bulk-inserted (mostly sent, some pending, failed and cancelled; letters, e-mails and SMS; five kinds). Then
// 20 warm-up rounds and 200 timed rounds of NoticeService.PageAsync, the sizes taking turns within each round (a busy
// machine slows them alike): unfiltered (the page as it opens), then filtered to failed notices. Printed: median, p95
// and mean per size; the figure is the largest size's median against the smallest size's.
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
using Npgsql;
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
var kind = postgres is null ? "SQLite" : "PostgreSQL";
var files = new List<string>();
var lists = new List<(int Size, NoticeService Notices)>();
try
{
    foreach (var size in sizes)
    {
        // One database per size: a SQLite file, or on PostgreSQL a database of its own beside the given one.
        var file = Path.Combine(Path.GetTempPath(), $"notices-bench-{size}-{Guid.NewGuid():N}.db");
        files.Add(file);
        Func<AppDbContext> create;
        if (postgres is null)
        {
            create = () => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={file}").Options);
        }
        else
        {
            var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = $"{new NpgsqlConnectionStringBuilder(postgres).Database}_{size}" }.ConnectionString;
            create = () => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connection).Options);
            await using var db = create();
            await db.Database.EnsureDeletedAsync();
        }
        var insert = Stopwatch.StartNew();
        await SeedAsync(create, postgres is not null, size, withIndex);
        insert.Stop();
        var notices = NewService(create);
        var first = await notices.PageAsync(new NoticeFilter(), PageRequest.From(0, 25));
        if (first.Rows.Count != 25 || first.Total != Math.Min(size, NoticeService.CountLimit + 1) || first.Rows.Any(r => r.ReaderName is null))
            throw new InvalidOperationException($"unexpected page: {first.Rows.Count} rows of {first.Total}");
        Console.WriteLine($"{kind}{(withIndex ? " + indexes" : "")}: {size:N0} notices ready in {insert.Elapsed.TotalSeconds:F1} s");
        lists.Add((size, notices));
    }

    // The sizes take turns, one call each, so a busy machine slows them alike.
    var page = await TimeInTurnsAsync(lists.Select(l => (Func<Task>)(() => l.Notices.PageAsync(new NoticeFilter(), PageRequest.From(0, 25)))).ToList());
    var failed = await TimeInTurnsAsync(lists.Select(l => (Func<Task>)(() => l.Notices.PageAsync(new NoticeFilter(Status: NoticeStatus.Failed), PageRequest.From(0, 25)))).ToList());
    for (var i = 0; i < lists.Count; i++)
        Console.WriteLine($"{kind}{(withIndex ? " + indexes" : "")} {lists[i].Size,9:N0} notices, {Runs} runs: first page median {page[i].Median:F2} ms, " +
            $"p95 {page[i].P95:F2} ms, mean {page[i].Mean:F2} ms; failed only median {failed[i].Median:F2} ms, p95 {failed[i].P95:F2} ms");
    if (lists.Count > 1)
        Console.WriteLine($"ratio {lists[^1].Size:N0} vs {lists[0].Size:N0}: first page median {page[^1].Median / page[0].Median:F2}, p95 {page[^1].P95 / page[0].P95:F2}, " +
            $"mean {page[^1].Mean / page[0].Mean:F2}; failed only median {failed[^1].Median / failed[0].Median:F2}");
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var file in files)
        File.Delete(file);
}

static async Task SeedAsync(Func<AppDbContext> create, bool postgres, int size, bool withIndex)
{
    int estateId, buildingId;
    List<int> occupantIds;
    await using (var db = create())
    {
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
    await using (var db = create())
        await InsertAsync(db, postgres, estateId, buildingId, occupantIds, size);
    if (withIndex)
    {
        await using var db = create();
        await db.Database.ExecuteSqlRawAsync("""CREATE INDEX "IX_Notices_Status_Id" ON "Notices" ("Status", "Id")""");
        await db.Database.ExecuteSqlRawAsync("""CREATE INDEX "IX_Notices_Channel_Id" ON "Notices" ("Channel", "Id")""");
        await db.Database.ExecuteSqlRawAsync("""CREATE INDEX "IX_Notices_Kind_Id" ON "Notices" ("Kind", "Id")""");
    }
}

static async Task<List<Timing>> TimeInTurnsAsync(List<Func<Task>> actions)
{
    for (var i = 0; i < WarmUp; i++)
        foreach (var action in actions)
            await action();
    var times = actions.Select(_ => new List<double>()).ToList();
    for (var i = 0; i < Runs; i++)
    {
        for (var a = 0; a < actions.Count; a++)
        {
            var watch = Stopwatch.StartNew();
            await actions[a]();
            times[a].Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    return times.Select(t =>
    {
        t.Sort();
        return new Timing(t[t.Count / 2], t[(int)Math.Ceiling(t.Count * 0.95) - 1], t.Average());
    }).ToList();
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

// The monthly payment-request run for a large estate, against a raw bulk insert of the same rows into the same
// database in the same run; its peak memory; and a clerk's logging latency during the run against idle.
//   dotnet run -c Release --project bench/PaymentRequestRun -- --units 100000
//   dotnet run -c Release --project bench/PaymentRequestRun -- --units 100000 --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=bench"
//   add --batch N to change PaymentRequests:BatchSize (units read at a time, the most per transaction) for the run;
//   --run-only stops after the run and its baseline
// The database gets the demo estate plus a bench estate of N units (one owner each, all with a mobile, 30% with
// e-mail), bulk-inserted. Then, timed the same way (each alone on the machine, nothing else running in the process):
// the run for 2026-12 with memory sampled every 50 ms; the same rows (requests, lines, links, notices) read back and
// inserted raw as the baseline, the fastest way the provider allows, in one transaction (SQLite: prepared multi-row
// INSERTs of at most 200 parameters, with the run's 64 MB page cache; PostgreSQL: binary COPY). Each prints where its
// time went (transactions, commits, reads) and the process's CPU time. Then the clerk: latency idle (1,000 intakes), and during
// a second run (for 2027-01, which also carries the arrears of 2026-12) with an intake every 20 ms.
using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaymentRequestRun;
using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;

internal static class PaymentRequestBench
{
    public static async Task Main(string[] args)
    {
        var units = args.SkipWhile(a => a != "--units").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var batch = args.SkipWhile(a => a != "--batch").Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
        var provider = postgres is null ? "Sqlite" : "Postgres";
        var month = new DateOnly(2026, 12, 1);

        await using var host = new BenchHost(provider, postgres, batch);
        _ = host.Services;
        var (estateId, benchUnitIds) = await Seed.EstateAsync(host, units);
        Console.WriteLine($"{provider}: bench estate of {units:N0} units ready");
        if (postgres is null)
        {
            await using var pragma = await Baseline.OpenAsync(host);
            Console.WriteLine("journal mode: " + (await RawRows.ReadAsync(pragma, "PRAGMA journal_mode")).Rows[0][0]);
        }

        var peakWorkingSet = 0L;
        var peakHeap = 0L;
        var baselineWorkingSet = Process.GetCurrentProcess().WorkingSet64;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                await Task.Delay(50);
            }
        });
        host.Sections.Reset();
        var runCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        var issued = await IssueAsync(host, month);
        run.Stop();
        runCpu = Process.GetCurrentProcess().TotalProcessorTime - runCpu;
        var firstSections = host.Sections.Describe(run.Elapsed);
        sampling.Cancel();
        await sampler;

        var raw = await Baseline.InsertSameRowsAsync(host, estateId, month);
        if (args.Contains("--run-only"))
        {
            Console.WriteLine($"run: {run.Elapsed.TotalSeconds:F1} s (CPU {runCpu.TotalSeconds:F1} s); raw: {raw.Seconds:F1} s (CPU {raw.Cpu.TotalSeconds:F1} s); {firstSections}");
            return;
        }

        var idle = await Clerk.LatenciesAsync(host, count: 1000, until: null);
        host.Sections.Reset();
        var second = Stopwatch.StartNew();
        var issuing = Task.Run(() => IssueAsync(host, month.AddMonths(1)));
        var during = await Clerk.LatenciesAsync(host, count: int.MaxValue, until: issuing);
        var issuedSecond = await issuing;
        second.Stop();
        var secondSections = host.Sections.Describe(second.Elapsed);

        Console.WriteLine($"requests issued: {issued:N0} ({raw.Rows:N0} rows: requests, lines, links, notices)");
        Console.WriteLine($"run: {run.Elapsed.TotalSeconds:F1} s; raw insert of the same rows: {raw.Seconds:F1} s; ratio {run.Elapsed.TotalSeconds / raw.Seconds:F2}");
        Console.WriteLine($"  process CPU time (the machine is shared: wall times stretch with its load): run {runCpu.TotalSeconds:F1} s, raw insert {raw.Cpu.TotalSeconds:F1} s");
        Console.WriteLine($"  where the run's time went: {firstSections}");
        Console.WriteLine($"memory: working set {baselineWorkingSet / 1048576.0:F0} MB before, peak {peakWorkingSet / 1048576.0:F0} MB during; peak managed heap {peakHeap / 1048576.0:F0} MB");
        Console.WriteLine($"second run ({month.AddMonths(1):yyyy-MM}, with the clerk): {issuedSecond:N0} requests in {second.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  where the second run's time went: {secondSections}");
        Console.WriteLine($"clerk intake p95: idle {Clerk.P95(idle):F1} ms ({idle.Count}), during the second run {Clerk.P95(during):F1} ms ({during.Count}); ratio {Clerk.P95(during) / Clerk.P95(idle):F2}");
    }

    private static async Task<int> IssueAsync(BenchHost host, DateOnly month)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(month, CancellationToken.None);
    }
}

internal static class Seed
{
    public static async Task<(int EstateId, List<int> UnitIds)> EstateAsync(BenchHost host, int count)
    {
        int estateId;
        List<int> buildingIds;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var estate = new Estate { Name = "Bench estate", OfficeName = "Bench office" };
            for (var b = 1; b <= Math.Max(1, count / 1000); b++)
                estate.Buildings.Add(new Building { Code = $"B{b}", Name = $"B{b}" });
            db.Estates.Add(estate);
            await db.SaveChangesAsync();
            estateId = estate.Id;
            buildingIds = estate.Buildings.Select(b => b.Id).ToList();
            var from = new DateOnly(2026, 1, 1);
            db.FeeItems.AddRange(
                Item(estateId, 1, "management", "物业管理费", FeeBasis.PerSquareMetre, 2.80m, from),
                Item(estateId, 2, "equipment", "房屋设备运行费", FeeBasis.PerSquareMetre, 0.60m, from),
                Item(estateId, 3, "refuse", "垃圾清运费", FeeBasis.PerUnit, 10.00m, from));
            await db.SaveChangesAsync();
        }
        await using var connection = await Baseline.OpenAsync(host);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var random = new Random(15);
            var rows = Enumerable.Range(0, count).Select(i => new object?[]
            {
                buildingIds[i % buildingIds.Count], $"{i / buildingIds.Count / 10 + 1}{i / buildingIds.Count % 10:00}", i / buildingIds.Count / 10 + 1,
                Math.Round(60m + random.Next(0, 9000) / 100m, 2), "Residential", 0,
            });
            await RawRows.PreparedAsync(connection, transaction, "Units", ["BuildingId", "Number", "Floor", "Area", "Use", "Version"], rows);
            await transaction.CommitAsync();
        }
        var ids = (await RawRows.ReadAsync(connection, $"SELECT \"Id\" FROM \"Units\" WHERE \"BuildingId\" IN ({string.Join(",", buildingIds)}) ORDER BY \"Id\""))
            .Rows.Select(r => Convert.ToInt32(r[0])).ToList();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var occupants = ids.Select((id, i) => new object?[]
            {
                id, "Owner", "Person", $"业主{i:000000}", $"139{i:00000000}", i % 10 < 3 ? $"owner{i}@example.com" : null, "zh-Hans", false, 0,
            });
            await RawRows.PreparedAsync(connection, transaction, "Occupants",
                ["UnitId", "Role", "Kind", "Name", "Phone", "Email", "PreferredLanguage", "IsVip", "Version"], occupants);
            await transaction.CommitAsync();
        }
        return (estateId, ids);
    }

    private static FeeItem Item(int estateId, int order, string code, string name, FeeBasis basis, decimal rate, DateOnly from) => new()
    {
        EstateId = estateId, Order = order, Code = code, NameHans = name, NameHant = name, NameEn = code, Basis = basis,
        Rates = [new FeeRate { Use = UnitUse.Residential, Amount = rate, EffectiveFrom = from, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "bench" }],
    };
}

internal static class Clerk
{
    /// <summary>Logs counter complaints one after another (20 ms apart) and returns each one's time in ms.</summary>
    public static async Task<List<double>> LatenciesAsync(BenchHost host, int count, Task? until)
    {
        int estateId, unitId, occupantId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var occupant = await db.Occupants.Include(o => o.Unit!).ThenInclude(u => u.Building).OrderBy(o => o.Id).FirstAsync();
            (estateId, unitId, occupantId) = (occupant.Unit!.Building!.EstateId, occupant.UnitId, occupant.Id);
        }
        var times = new List<double>();
        for (var i = 0; i < count && until?.IsCompleted != true; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await PropertyHub.Bench.ActingScope.SignInAsync(scope.ServiceProvider, PropertyHub.Features.Accounts.Roles.Clerk);
            var reception = scope.ServiceProvider.GetRequiredService<ReceptionService>();
            var watch = Stopwatch.StartNew();
            var result = await reception.LogAsync(new Intake
            {
                EstateId = estateId, Kind = RequestKind.Complaint, Channel = Channel.Counter, Outcome = IntakeOutcome.Logged,
                UnitId = unitId, OccupantId = occupantId, CallerName = "业主", Content = $"楼道灯不亮 {i}",
            });
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!result.Succeeded)
                throw new InvalidOperationException("intake refused: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            await Task.Delay(20);
        }
        return times;
    }

    public static double P95(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];
    }
}

internal static class Baseline
{
    public static async Task<DbConnection> OpenAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Reads back the run's rows and inserts the same rows again (for 2099-01, new link hashes and notice keys), timed.</summary>
    public static async Task<(int Rows, double Seconds, TimeSpan Cpu)> InsertSameRowsAsync(BenchHost host, int estateId, DateOnly month)
    {
        await using var connection = await OpenAsync(host);
        var requests = await RawRows.ReadAsync(connection, $"SELECT * FROM \"PaymentRequests\" WHERE \"EstateId\" = {estateId}");
        var ids = requests.Rows.Select(r => Convert.ToInt64(r[Array.IndexOf(requests.Columns, "Id")])).ToHashSet();
        var min = ids.Min();
        var lines = await RawRows.ReadAsync(connection, $"SELECT * FROM \"PaymentRequestLines\" WHERE \"PaymentRequestId\" >= {min}");
        var links = await RawRows.ReadAsync(connection, $"SELECT * FROM \"PersonalLinks\" WHERE \"Purpose\" = 'payment' AND \"SubjectId\" >= {min}");
        var notices = await RawRows.ReadAsync(connection, $"SELECT * FROM \"Notices\" WHERE \"Kind\" = '{PaymentRequestNotices.Kind}' AND \"EstateId\" = {estateId}");
        const long Offset = 100_000_000;
        Shift(requests, "Id", v => Convert.ChangeType(Convert.ToInt64(v) + Offset, v!.GetType()));
        Shift(requests, "Month", v => v switch { string => "2099-01-01", DateTime => new DateTime(2099, 1, 1), _ => new DateOnly(2099, 1, 1) });
        Shift(lines, "PaymentRequestId", v => Convert.ChangeType(Convert.ToInt64(v) + Offset, v!.GetType()));
        Shift(links, "SubjectId", v => Convert.ChangeType(Convert.ToInt64(v) + Offset, v!.GetType()));
        Shift(links, "TokenHash", v => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((string)v! + "raw"))));
        Shift(notices, "SourceKey", v => (string)v! + ":raw");
        var lineRows = RawRows.Without(lines, "Id");
        var linkRows = RawRows.Without(links, "Id");
        var noticeRows = RawRows.Without(notices, "Id");

        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            // The run's connection has a 64 MB page cache for its transactions: the baseline gets the same.
            await using var cache = connection.CreateCommand();
            cache.CommandText = "PRAGMA cache_size = -65536";
            await cache.ExecuteNonQueryAsync();
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await RawRows.InsertAsync(connection, transaction, "PaymentRequests", requests);
            await RawRows.InsertAsync(connection, transaction, "PaymentRequestLines", lineRows);
            await RawRows.InsertAsync(connection, transaction, "PersonalLinks", linkRows);
            await RawRows.InsertAsync(connection, transaction, "Notices", noticeRows);
            await transaction.CommitAsync();
        }
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await using var cache = connection.CreateCommand();
            cache.CommandText = "PRAGMA cache_size = -2000";
            await cache.ExecuteNonQueryAsync();
        }
        return (requests.Rows.Count + lines.Rows.Count + links.Rows.Count + notices.Rows.Count, watch.Elapsed.TotalSeconds, cpu);
    }

    private static void Shift(Table table, string column, Func<object?, object?> change)
    {
        var i = Array.IndexOf(table.Columns, column);
        foreach (var row in table.Rows)
            row[i] = change(row[i]);
    }
}

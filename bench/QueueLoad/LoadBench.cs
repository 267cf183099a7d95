using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Live;

namespace QueueLoad;

// No contact lost under load, two app instances on one PostgreSQL with the Redis bus between them.
//   dotnet run -c Release --project bench/QueueLoad [-- --clerks 50 --hub-clients 200 --pages 20 --minutes 2]
// Starts a private PostgreSQL 15 and a private redis-server (loopback, free ports), then app instance A, waits for its
// /health/ready, then instance B: two hosts in this process, each with its own Kestrel port, service provider and
// Redis connection. N clerks (signed in as the demo clerk, spread over A and B) each log one contact every 10 s
// through ReceptionService.LogAsync, the intake page's own call (the app has no HTTP intake endpoint). Meanwhile
// M SignalR clients on /hubs/queue (supervisor cookie) and K /reception/queue pages in headless Chromium
// (supervisor), split over A and B, watch. Checked: each contact is in ServiceRequests exactly once (by the marker
// in its content), reached every hub client and appeared on every page. The contacts are inquiries with an agreed
// reply time, each due a second before the one before it, so each new row sorts to the top of the queue's first page
// (the queue lists the most urgent first; a new complaint, due in 72 h, would land behind 50 earlier ones).
// Commit time is PostgreSQL's own (track_commit_timestamp); receipt is this process's wall clock for hub clients and
// the page's performance.timeOrigin + now() when the row enters the DOM (the page's clock is checked against ours at
// the end). A probe subscribed to the Redis channel splits the hub's latency at the bus. Baseline, same run, before
// the load: a bare echo hub broadcasting at the same rate to M SignalR clients and to K bare pages (no Blazor: a
// WebSocket that prepends a row). Options: --clerks --hub-clients --pages --minutes --baseline-seconds --interval-seconds.
// Exit code 0 only if nothing was lost, doubled, failed or undelivered. Every loop is bounded; a watchdog ends the
// process (stopping both servers) if the run overruns its budget.
internal static class LoadBench
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        var postgres = new PrivatePostgres();
        var redis = new PrivateRedis();
        // The watchdog's and Ctrl+C's exit runs ProcessExit; a normal end or a crash runs the finally.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { redis.Stop(); postgres.Stop(); };
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("QueueLoad: interrupted, stopping the servers.");
            Environment.Exit(130);
        };
        try
        {
            return await RunAsync(args, postgres, redis);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"QueueLoad: the run failed: {ex}");
            return 3;
        }
        finally
        {
            redis.Stop();
            postgres.Stop();
        }
    }

    private static async Task<int> RunAsync(string[] args, PrivatePostgres postgres, PrivateRedis redis)
    {
        var clerks = (int)Arg(args, "--clerks", 50);
        // 0 hub clients or 0 pages is allowed: to see what one kind of watcher costs the other.
        var hubClients = (int)Arg(args, "--hub-clients", 200, allowZero: true);
        var pageCount = (int)Arg(args, "--pages", 20, allowZero: true);
        var minutes = Arg(args, "--minutes", 2);
        var baselineSeconds = Arg(args, "--baseline-seconds", 30);
        var interval = TimeSpan.FromSeconds(Arg(args, "--interval-seconds", 10));
        var duration = TimeSpan.FromMinutes(minutes);
        var run = Guid.NewGuid().ToString("N")[..6];
        var total = Stopwatch.StartNew();

        var budget = duration + TimeSpan.FromSeconds(baselineSeconds) + TimeSpan.FromMinutes(8);
        using var watchdog = new Timer(_ =>
        {
            Console.Error.WriteLine($"QueueLoad: budget of {budget.TotalMinutes:F0} min exceeded, stopping.");
            Environment.Exit(2);
        }, null, budget, Timeout.InfiniteTimeSpan);
        using var stop = new CancellationTokenSource(budget);
        var ct = stop.Token;

        Console.WriteLine($"QueueLoad run {run}: {clerks} clerks (one contact each per {interval.TotalSeconds:F0} s), {hubClients} hub clients, " +
            $"{pageCount} queue pages, {duration.TotalMinutes:0.##} min (+{baselineSeconds:0} s baseline); {Environment.ProcessorCount} cores, loopback");

        await postgres.StartAsync();
        await redis.StartAsync();
        var connectionString = postgres.ConnectionString("propertyhub");
        // Provisioned beforehand, as in production: the first instance then only migrates and seeds.
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand("CREATE DATABASE propertyhub", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"  PostgreSQL 15 and redis-server {redis.Connection} up ({total.Elapsed.TotalSeconds:F0} s)");

        await using var a = new AppInstance("A", connectionString, redis.Connection);
        await WaitReadyAsync(a, ct);
        await using var b = new AppInstance("B", connectionString, redis.Connection);
        await WaitReadyAsync(b, ct);
        AppInstance[] instances = [a, b];
        var (estateId, units) = await EstateAsync(a);
        Console.WriteLine($"  instances A {a.BaseAddress} and B {b.BaseAddress} ready ({total.Elapsed.TotalSeconds:F0} s); estate {estateId}, {units.Count} units");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageWatchers.LaunchAsync(playwright);

        // Baseline: the same rate, the same number of watchers, nothing but the broadcast.
        Report echoHub, barePages;
        await using (var echo = await EchoHost.StartAsync())
        {
            var watchers = await HubWatchers.ConnectAsync(hubClients, _ => HubWatchers.Echo(echo.BaseAddress), HubWatchers.ListenEcho, ct);
            var pages = await PageWatchers.OpenAsync(browser, pageCount, _ => new Uri(echo.BaseAddress, "bare").ToString(), _ => null, ct);
            await WaitAsync(() => echo.Pages >= pageCount, TimeSpan.FromSeconds(30), ct);
            var events = (int)Math.Round(baselineSeconds * clerks / interval.TotalSeconds);
            var gap = interval / clerks;
            var sent = new Dictionary<string, double>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < events && clock.Elapsed < TimeSpan.FromSeconds(baselineSeconds) + interval; i++)
            {
                var marker = $"LT{run}-b{i}";
                sent[marker] = Clock.NowMs();
                await echo.BroadcastAsync(marker);
                var next = gap * (i + 1) - clock.Elapsed;
                if (next > TimeSpan.Zero)
                    await Task.Delay(next, ct);
            }
            await WaitDeliveredAsync(watchers.Select(w => w.Seen), pages, sent.Count, ct);
            echoHub = Report.Of(sent, watchers.Select(w => w.Seen.First), watchers.Sum(w => w.Seen.Repeats), watchers.Sum(w => w.Seen.Disconnects));
            barePages = await HarvestAsync(pages, sent);
            await PageWatchers.CloseAllAsync(pages);
            await HubWatchers.DisposeAllAsync(watchers);
        }
        Console.WriteLine($"  baseline done: {echoHub.Events} broadcasts ({total.Elapsed.TotalSeconds:F0} s)");

        // The load.
        var cookies = new Dictionary<AppInstance, CookieContainer>();
        var states = new Dictionary<AppInstance, string>();
        var supervisor = DemoUsers.All.First(u => u.Role == Roles.Supervisor).Email;
        foreach (var instance in instances)
        {
            cookies[instance] = await SignInAsync(instance.BaseAddress, supervisor, ct);
            states[instance] = await PageWatchers.SignInAsync(browser, instance.BaseAddress, supervisor, DemoUsers.Password);
        }
        var hub = await HubWatchers.ConnectAsync(hubClients, i => HubWatchers.Queue(instances[i % 2].BaseAddress, cookies[instances[i % 2]]),
            HubWatchers.ListenQueue, ct);
        var queuePages = await PageWatchers.OpenAsync(browser, pageCount,
            i => new Uri(instances[i % 2].BaseAddress, $"reception/queue?estate={estateId}").ToString(), i => states[instances[i % 2]], ct);
        // The page subscribes to the bus after its first interactive render.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Console.WriteLine($"  {hubClients} hub clients and {pageCount} queue pages open ({total.Elapsed.TotalSeconds:F0} s); clerks start");

        // Not a watcher but a probe: when each Created event is on the Redis channel, to split the hub's latency
        // into commit → bus and bus → client.
        var onBus = new ConcurrentDictionary<string, double>();
        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis.Connection);
        (await probe.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RedisWorkQueueEvents.ChannelName))).OnMessage(message =>
        {
            var at = Clock.NowMs();
            using var json = JsonDocument.Parse(message.Message.ToString());
            if (json.RootElement.GetProperty("kind").GetString() == nameof(WorkQueueEventKind.Created))
                onBus.TryAdd(json.RootElement.GetProperty("requestId").GetInt32().ToString(CultureInfo.InvariantCulture), at);
        });

        var attempts = new ConcurrentDictionary<string, Attempt>();
        var sequence = 0;
        // Each new contact is due a second before the previous one, so it sorts to the top of the queue's first page
        // (most urgent first); the last one is still due two hours after the run, well before any warning.
        var perClerk = (int)Math.Ceiling(duration / interval) + 1;
        var dueBase = DateTimeOffset.UtcNow + duration + TimeSpan.FromHours(2) + TimeSpan.FromSeconds(clerks * perClerk);
        var load = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clerks).Select(c => ClerkAsync(c, instances[c % 2])));
        var loadTime = load.Elapsed;
        Console.WriteLine($"  clerks done: {attempts.Count} contacts in {loadTime.TotalSeconds:F0} s ({total.Elapsed.TotalSeconds:F0} s)");

        var stored = await StoredAsync(connectionString, run, ct);
        var byId = stored.ToDictionary(r => r.Id.ToString(), r => r.CommittedMs);
        var byMarker = stored.GroupBy(r => r.Marker).ToDictionary(g => g.Key, g => g.Min(r => r.CommittedMs));
        await WaitDeliveredAsync(hub.Select(w => w.Seen), queuePages, byMarker.Count, ct, byId.Count);
        var queueHub = Report.Of(byId, hub.Select(w => w.Seen.First), hub.Sum(w => w.Seen.Repeats), hub.Sum(w => w.Seen.Disconnects));
        var pagesReport = await HarvestAsync(queuePages, byMarker);
        var bus = Report.Of(byId, [onBus], 0, 0);
        stored = await StoredAsync(connectionString, run, ct);

        // Exactly once: every marker a clerk sent is stored once; a failure the clerk was told of must have stored nothing.
        var counts = stored.GroupBy(r => r.Marker).ToDictionary(g => g.Key, g => g.Count());
        var ok = attempts.Values.Where(x => x.Succeeded).ToList();
        var lost = ok.Count(x => !counts.ContainsKey(x.Marker));
        var duplicates = counts.Values.Sum(n => Math.Max(0, n - 1));
        var failed = attempts.Values.Where(x => !x.Succeeded).ToList();
        var failedButStored = failed.Count(x => counts.ContainsKey(x.Marker));
        var strangers = counts.Keys.Count(m => !attempts.ContainsKey(m));
        var clerkId = await ClerkIdAsync(a);
        var byClerk = stored.Count(r => r.TakenById == clerkId);

        Console.WriteLine();
        Console.WriteLine($"{"",-36}{"events",8}{"deliveries",13}{"missing",9}{"repeats",9}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}");
        Print("echo hub → M clients (baseline)", echoHub);
        Print("/hubs/queue commit → M clients", queueHub);
        Print("  of which commit → Redis (probe)", bus);
        Print("bare page ← WebSocket (baseline)", barePages, repeats: false);
        Print("/reception/queue commit → DOM", pagesReport, repeats: false);
        Console.WriteLine($"{"ratio hub / echo hub",-75}{Ratio(queueHub.P(50), echoHub.P(50)),9}{Ratio(queueHub.P(95), echoHub.P(95)),9}{Ratio(queueHub.P(99), echoHub.P(99)),9}");
        Console.WriteLine($"{"ratio queue page / bare page",-75}{Ratio(pagesReport.P(50), barePages.P(50)),9}{Ratio(pagesReport.P(95), barePages.P(95)),9}{Ratio(pagesReport.P(99), barePages.P(99)),9}");
        Console.WriteLine();
        Console.WriteLine($"contacts logged {attempts.Count} in {loadTime.TotalSeconds:F0} s ({attempts.Count / loadTime.TotalSeconds:F1}/s) over A and B; " +
            $"stored rows {stored.Count}; lost {lost}; duplicates {duplicates}; failed {failed.Count} (of which stored anyway {failedButStored}); unknown markers {strangers}");
        Console.WriteLine($"taken by the demo clerk (TakenById): {byClerk} of {stored.Count} rows");
        Console.WriteLine($"intake call (LogAsync) p50 {Percentile(ok.Select(x => x.Ms).ToList(), 50):F1} ms, p95 {Percentile(ok.Select(x => x.Ms).ToList(), 95):F1} ms");
        Console.WriteLine($"hub clients disconnected during the run: {queueHub.Disconnects}; browser clock − ours: max |offset| {pagesReport.ClockOffsetMs:F2} ms " +
            $"(± {pagesReport.ClockUncertaintyMs:F2}); min latency hub {queueHub.Min:F2} ms, pages {pagesReport.Min:F2} ms");
        foreach (var failure in failed.Take(5))
            Console.WriteLine($"  failed: {failure.Marker} on {failure.Instance}: {failure.Error}");
        Console.WriteLine($"whole run {total.Elapsed.TotalSeconds:F0} s");

        var bad = lost + duplicates + failed.Count + failedButStored + queueHub.Missing + queueHub.Repeats + pagesReport.Missing;
        Console.WriteLine(bad == 0 ? "RESULT: nothing lost, nothing doubled, every contact reached every watcher" : "RESULT: FAILED (see the counts above)");

        await PageWatchers.CloseAllAsync(queuePages);
        await HubWatchers.DisposeAllAsync(hub);
        // Let the circuits end before the hosts stop.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        return bad == 0 ? 0 : 1;

        async Task ClerkAsync(int number, AppInstance instance)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            await PropertyHub.Bench.ActingScope.SignInAsync(scope.ServiceProvider, Roles.Clerk);
            var reception = scope.ServiceProvider.GetRequiredService<ReceptionService>();
            var start = interval * number / clerks;
            for (var k = 0; k < perClerk; k++)
            {
                var slot = start + interval * k;
                if (slot >= duration)
                    break;
                var wait = slot - load.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, ct);
                var seq = Interlocked.Increment(ref sequence);
                var marker = $"LT{run}-{seq}";
                var (estate, unit) = (estateId, units[seq % units.Count]);
                var call = Stopwatch.StartNew();
                Attempt attempt;
                try
                {
                    var result = await reception.LogAsync(new Intake
                    {
                        EstateId = estate, Kind = RequestKind.Inquiry, Channel = Channel.ServiceLine, Outcome = IntakeOutcome.AgreedReply,
                        UnitId = unit, CallerName = "Load caller", Content = $"{marker} load test inquiry from clerk {number} on {instance.Name}",
                        AgreedReplyAt = dueBase.AddSeconds(-seq),
                    }, ct);
                    attempt = new Attempt(marker, instance.Name, result.Succeeded, call.Elapsed.TotalMilliseconds,
                        result.Succeeded ? null : string.Join("; ", result.Errors.Select(e => e.Message)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    attempt = new Attempt(marker, instance.Name, false, call.Elapsed.TotalMilliseconds, $"{ex.GetType().Name}: {ex.Message}");
                }
                attempts[marker] = attempt;
            }
        }
    }

    private static async Task WaitReadyAsync(AppInstance instance, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var wait = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health/ready", ct);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            if (wait.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"Instance {instance.Name} not ready after 60 s");
            await Task.Delay(250, ct);
        }
    }

    /// <summary>Waits until every watcher has every event (or the grace period ends); pages are polled once a second.</summary>
    private static async Task WaitDeliveredAsync(IEnumerable<Sightings> hub, List<IPage> pages, int pageEvents, CancellationToken ct, int? hubEvents = null)
    {
        var clients = hub.ToList();
        var expected = hubEvents ?? pageEvents;
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < Grace)
        {
            var hubDone = clients.All(c => c.First.Count >= expected);
            var pagesDone = true;
            foreach (var page in pages)
            {
                if (await PageWatchers.CountAsync(page) < pageEvents)
                {
                    pagesDone = false;
                    break;
                }
            }
            if (hubDone && pagesDone)
                return;
            await Task.Delay(1000, ct);
        }
        Console.WriteLine($"  not everything arrived within {Grace.TotalSeconds:F0} s after the last event");
    }

    private static async Task<Report> HarvestAsync(List<IPage> pages, IReadOnlyDictionary<string, double> committed)
    {
        var seen = new List<IReadOnlyDictionary<string, double>>();
        double offset = 0, uncertainty = 0;
        foreach (var page in pages)
        {
            var (sightings, off, unc) = await PageWatchers.HarvestAsync(page);
            seen.Add(sightings);
            if (Math.Abs(off) > Math.Abs(offset))
                (offset, uncertainty) = (off, unc);
        }
        return Report.Of(committed, seen, 0, 0) with { ClockOffsetMs = Math.Abs(offset), ClockUncertaintyMs = uncertainty };
    }

    private static async Task<(int EstateId, List<int> Units)> EstateAsync(AppInstance app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var units = await db.Units.Where(u => u.Building!.EstateId == estateId).OrderBy(u => u.Id).Select(u => u.Id).Take(50).ToListAsync();
        return units.Count == 0 ? throw new InvalidOperationException("The demo estate has no units") : (estateId, units);
    }

    private static async Task<string> ClerkIdAsync(AppInstance app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var clerk = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoUsers.All.First(u => u.Role == Roles.Clerk).Email);
        return clerk?.Id ?? "";
    }

    /// <summary>Signs in through the sign-in form over HTTP and returns the cookie for hub clients.</summary>
    private static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("account/login", ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = DemoUsers.Password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return cookies;
    }

    /// <summary>This run's rows by marker, with PostgreSQL's own commit time of each.</summary>
    private static async Task<List<StoredRow>> StoredAsync(string connectionString, string run, CancellationToken ct)
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

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var wait = Stopwatch.StartNew();
        while (!condition())
        {
            if (wait.Elapsed > timeout)
                throw new InvalidOperationException("A condition was not met within " + timeout);
            await Task.Delay(100, ct);
        }
    }

    // A page keeps its first sighting only: its repeats column is "-".
    private static void Print(string name, Report r, bool repeats = true) =>
        Console.WriteLine($"{name,-36}{r.Events,8}{r.Deliveries,13}{r.Missing,9}{(repeats ? r.Repeats.ToString() : "-"),9}{r.P(50),9:F1}{r.P(95),9:F1}{r.P(99),9:F1}{r.Max,9:F1}");

    private static string Ratio(double value, double baseline) => baseline > 0 ? (value / baseline).ToString("F2", CultureInfo.InvariantCulture) : "-";

    public static double Percentile(IReadOnlyList<double> values, int percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static double Arg(string[] args, string name, double fallback, bool allowZero = false)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (value > 0 || (allowZero && value == 0))
            ? value : fallback;
    }
}

internal sealed record Attempt(string Marker, string Instance, bool Succeeded, double Ms, string? Error);

internal sealed record StoredRow(int Id, string Marker, double CommittedMs, string? TakenById);

/// <summary>Latencies from commit (or send) to receipt over every (watcher, event) pair, and what never came.</summary>
internal sealed record Report(int Events, int Deliveries, int Missing, int Repeats, int Disconnects, IReadOnlyList<double> Latencies)
{
    public double ClockOffsetMs { get; init; }
    public double ClockUncertaintyMs { get; init; }
    public double Min => Latencies.Count == 0 ? double.NaN : Latencies.Min();
    public double Max => Latencies.Count == 0 ? double.NaN : Latencies.Max();

    public double P(int percentile) => LoadBench.Percentile(Latencies, percentile);

    public static Report Of(IReadOnlyDictionary<string, double> committed, IEnumerable<IReadOnlyDictionary<string, double>> watchers, int repeats, int disconnects)
    {
        var latencies = new List<double>();
        var missing = 0;
        foreach (var seen in watchers)
        {
            foreach (var (key, at) in committed)
            {
                if (seen.TryGetValue(key, out var t))
                    latencies.Add(t - at);
                else
                    missing++;
            }
        }
        return new Report(committed.Count, latencies.Count, missing, repeats, disconnects, latencies);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;

namespace QueueHubLatency;

/// <summary>
/// Commit-to-receipt latency of /hubs/queue to N SignalR clients (WebSockets) against a bare echo hub's
/// broadcast-to-receipt latency, same client count, same process, loopback only. Bounded: a round waits at
/// most 10 s, the whole run at most 20 min.
/// Usage: dotnet run -c Release --project bench/QueueHubLatency [-- --clients 200 --events 1000 --gap-ms 20]; also run with --clients 1000
/// </summary>
internal static partial class LatencyBench
{
    private const int WarmUp = 10;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        var clients = Arg(args, "--clients", 200);
        var events = Arg(args, "--events", 1000);
        var gap = TimeSpan.FromMilliseconds(Arg(args, "--gap-ms", 20));
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        Console.WriteLine($"QueueHubLatency: {clients} clients over WebSockets, {events} events (+{WarmUp} warm-up), {gap.TotalMilliseconds} ms apart, {Environment.ProcessorCount} cores, loopback");

        Samples baseline;
        await using (var echo = await EchoHost.StartAsync())
        {
            var tracker = new Tracker(clients);
            var connections = await ConnectAsync(clients, () => new HubConnectionBuilder()
                .WithUrl(echo.HubUrl, o => o.Transports = HttpTransportType.WebSockets).Build(),
                c => c.On<string>("echo", key => tracker.Received(key)), budget.Token);
            baseline = await RunAsync(tracker, events, gap, async round =>
            {
                var key = round.ToString();
                tracker.Started(key, Stopwatch.GetTimestamp());
                await echo.Hub.Clients.All.SendAsync("echo", key);
                return key;
            }, budget.Token);
            await DisposeAllAsync(connections);
        }

        Samples queue;
        await using (var app = new QueueApp())
        {
            var baseAddress = app.BaseAddress;
            var cookies = await SignInAsync(baseAddress, budget.Token);
            var units = await UnitsAsync(app);
            var tracker = new Tracker(clients);
            var connections = await ConnectAsync(clients, () => new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, "hubs/queue"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.Cookies = cookies;
                })
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                .Build(),
                c => c.On<WorkQueueEvent>("queueEvent", e =>
                {
                    if (e.Kind != WorkQueueEventKind.Created)
                        return;
                    var key = e.RequestId.ToString();
                    tracker.Started(key, app.Commits.At(e.RequestId));
                    tracker.Received(key);
                }), budget.Token);
            queue = await RunAsync(tracker, events, gap, async round =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                await PropertyHub.Bench.ActingScope.SignInAsync(scope.ServiceProvider, Roles.Clerk);
                var (estateId, unitId) = units[round % units.Count];
                var result = await scope.ServiceProvider.GetRequiredService<ReceptionService>().LogAsync(new Intake
                {
                    EstateId = estateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
                    UnitId = unitId, CallerName = "Bench caller", Content = $"Benchmark complaint {round}",
                });
                if (!result.Succeeded)
                    throw new InvalidOperationException("Logging a complaint failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
                return result.Request!.Id.ToString();
            }, budget.Token);
            await DisposeAllAsync(connections);
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-30}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"mean ms",10}{"received",14}");
        Print("echo hub (baseline)", baseline);
        Print("/hubs/queue (commit→receipt)", queue);
        Console.WriteLine($"{"ratio queue / echo",-30}{queue.P(50) / baseline.P(50),10:F2}{queue.P(95) / baseline.P(95),10:F2}{queue.P(99) / baseline.P(99),10:F2}{queue.Mean / baseline.Mean,10:F2}");
        return queue.Missing == 0 && baseline.Missing == 0 ? 0 : 1;
    }

    private static void Print(string name, Samples s) =>
        Console.WriteLine($"{name,-30}{s.P(50),10:F2}{s.P(95),10:F2}{s.P(99),10:F2}{s.Mean,10:F2}{$"{s.Count}/{s.Expected}",14}");

    private static async Task<Samples> RunAsync(Tracker tracker, int events, TimeSpan gap, Func<int, Task<string>> fire, CancellationToken ct)
    {
        var samples = new Samples();
        for (var round = 0; round < WarmUp + events; round++)
        {
            var key = await fire(round);
            var complete = await tracker.WaitAsync(key, RoundTimeout, ct);
            if (round >= WarmUp)
                samples.Add(tracker.Latencies(key), tracker.Expected, complete);
            await Task.Delay(gap, ct);
        }
        return samples;
    }

    private static async Task<List<HubConnection>> ConnectAsync(int count, Func<HubConnection> build, Action<HubConnection> listen, CancellationToken ct)
    {
        var connections = Enumerable.Range(0, count).Select(_ => build()).ToList();
        foreach (var connection in connections)
            listen(connection);
        // 20 at a time: a burst of 200 handshakes measures nothing we care about.
        using var gate = new SemaphoreSlim(20);
        await Task.WhenAll(connections.Select(async c =>
        {
            await gate.WaitAsync(ct);
            try { await c.StartAsync(ct); } finally { gate.Release(); }
        }));
        return connections;
    }

    private static Task DisposeAllAsync(List<HubConnection> connections) =>
        Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));

    private static async Task<CookieContainer> SignInAsync(Uri baseAddress, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("account/login", ct);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var supervisor = DemoUsers.All.First(u => u.Role == Roles.Supervisor);
        var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = supervisor.Email,
            ["Input.Password"] = DemoUsers.Password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return cookies;
    }

    private static async Task<List<(int EstateId, int UnitId)>> UnitsAsync(QueueApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Units.Include(u => u.Building).OrderBy(u => u.Id).Take(50).ToListAsync())
            .Select(u => (u.Building!.EstateId, u.Id)).ToList();
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>Start time and receipts per key (an event), shared by all client handlers.</summary>
internal sealed class Tracker(int expected)
{
    private readonly ConcurrentDictionary<string, Round> rounds = new();

    public int Expected => expected;

    private Round For(string key) => rounds.GetOrAdd(key, _ => new Round());

    public void Started(string key, long timestamp) => Interlocked.CompareExchange(ref For(key).Start, timestamp, 0);

    public void Received(string key)
    {
        var now = Stopwatch.GetTimestamp();
        var round = For(key);
        round.Receipts.Add(now);
        if (round.Receipts.Count >= expected)
            round.Complete.TrySetResult();
    }

    public async Task<bool> WaitAsync(string key, TimeSpan timeout, CancellationToken ct)
    {
        var round = For(key);
        var done = await Task.WhenAny(round.Complete.Task, Task.Delay(timeout, ct));
        return done == round.Complete.Task;
    }

    public IEnumerable<double> Latencies(string key)
    {
        var round = For(key);
        return round.Receipts.Select(t => Stopwatch.GetElapsedTime(round.Start, t).TotalMilliseconds).ToList();
    }

    private sealed class Round
    {
        public long Start;
        public readonly ConcurrentBag<long> Receipts = [];
        public readonly TaskCompletionSource Complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

internal sealed class Samples
{
    private readonly List<double> values = [];

    public int Expected { get; private set; }
    public int Missing { get; private set; }
    public int Count => values.Count;
    public double Mean => values.Count == 0 ? double.NaN : values.Average();

    public void Add(IEnumerable<double> latencies, int expected, bool complete)
    {
        var before = values.Count;
        values.AddRange(latencies);
        Expected += expected;
        Missing += complete ? 0 : expected - (values.Count - before);
    }

    public double P(int percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

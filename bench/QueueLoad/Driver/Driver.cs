using System.Diagnostics;
using Microsoft.Playwright;
using QueueLoad.Clients;
using QueueLoad.Reports;

namespace QueueLoad.Driver;

// The driver: starts a private PostgreSQL 15 (track_commit_timestamp on) and a private redis-server (loopback, free
// ports), then instance A as its own OS process (this program with --instance; it hosts the real app on Kestrel) and
// waits for its /health/ready, then instance B likewise. It holds the watchers: M SignalR .NET clients and K headless
// Chromium pages (Playwright), split over A and B, so half of what each sees crossed Redis. Two phases, same
// processes, same schedule (N clerks, one action each per interval), same watcher counts:
//   1. baseline (BaselinePhase): each instance's clerks publish a marker on a Redis echo channel; every instance's
//      bare echo hub and bare Blazor page push it on (Instance/InstanceHost.cs);
//   2. load (LoadPhase): each instance's clerks log contacts through the real ReceptionService; hub clients on
//      /hubs/queue and /reception/queue pages, all signed in as the supervisor, watch.
// Checked: every contact a clerk was told was saved is in ServiceRequests exactly once, reached every hub client and
// appeared on every page. Clock: the machine's wall clock (UTC, Unix ms) everywhere; see Contracts.cs.
// Exit code 0 only if nothing was lost, doubled, failed or undelivered; 1 if something was; 2 if the watchdog ended
// an overrunning run; 3 if the run itself broke. Every loop is bounded.
internal static class LoadDriver
{
    public static async Task<int> MainAsync(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("QueueLoad: " + ex.Message);
            return 3;
        }
        var postgres = new PrivatePostgres();
        var redis = new PrivateRedis();
        var instances = new List<InstanceProcess>();
        // The watchdog's and Ctrl+C's exit runs ProcessExit; a normal end or a crash runs the finally.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("QueueLoad: interrupted, stopping the instances and servers.");
            Environment.Exit(130);
        };
        try
        {
            return await RunAsync(options, postgres, redis, instances);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"QueueLoad: the run failed: {ex}");
            return 3;
        }
        finally
        {
            foreach (var instance in instances)
                await instance.DisposeAsync();
            StopAll();
        }

        void StopAll()
        {
            foreach (var instance in instances)
                instance.Kill();
            redis.Stop();
            postgres.Stop();
        }
    }

    private static async Task<int> RunAsync(Options options, PrivatePostgres postgres, PrivateRedis redis, List<InstanceProcess> instances)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var total = Stopwatch.StartNew();
        using var watchdog = new Timer(_ =>
        {
            Console.Error.WriteLine($"QueueLoad: budget of {options.Budget.TotalMinutes:F0} min exceeded, stopping.");
            Environment.Exit(2);
        }, null, options.Budget, Timeout.InfiniteTimeSpan);
        using var stop = new CancellationTokenSource(options.Budget);
        var ct = stop.Token;
        Console.WriteLine($"QueueLoad run {run}: {options}; {Environment.ProcessorCount} cores, loopback");

        await postgres.StartAsync();
        await redis.StartAsync();
        await Database.CreateAsync(postgres.ConnectionString("postgres"), "propertyhub", ct);
        var connectionString = postgres.ConnectionString("propertyhub");
        Console.WriteLine($"  PostgreSQL 15 (pid {postgres.ProcessId}) and redis-server {redis.Connection} up ({total.Elapsed.TotalSeconds:F0} s)");

        foreach (var name in new[] { "A", "B" })
        {
            var instance = await InstanceProcess.StartAsync(name, connectionString, redis.Connection, options.Budget, ct);
            instances.Add(instance);
            await WaitReadyAsync(instance, ct);
            Console.WriteLine($"  instance {name}: process {instance.Id}, app {instance.App}, echo {instance.Echo}, ready ({total.Elapsed.TotalSeconds:F0} s)");
        }
        var estate = await instances[0].EstateAsync(ct);
        var machine = new Machine(Environment.ProcessId,
            instances.ToDictionary(x => x.Id, x => "instance " + x.Name).Append(KeyValuePair.Create(postgres.ProcessId, "PostgreSQL")).ToDictionary());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageWatchers.LaunchAsync(playwright);

        var baseline = await BaselinePhase.RunAsync(options, run, instances, browser, machine, ct);
        Console.WriteLine($"  baseline done: {baseline.Hub.Events} echoes ({total.Elapsed.TotalSeconds:F0} s)");
        var load = await LoadPhase.RunAsync(options, run, estate, instances, browser, machine, connectionString, redis.Connection, ct);
        Console.WriteLine($"  load done ({total.Elapsed.TotalSeconds:F0} s)");

        var bad = Summary.Print(baseline, load, instances);
        Console.WriteLine($"whole run {total.Elapsed.TotalSeconds:F0} s");
        return bad == 0 ? 0 : 1;
    }

    private static async Task WaitReadyAsync(InstanceProcess instance, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = instance.App, Timeout = TimeSpan.FromSeconds(10) };
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
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            if (wait.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"Instance {instance.Name} not ready after 60 s");
            await Task.Delay(250, ct);
        }
    }
}

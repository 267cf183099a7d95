using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;

namespace QueueCircuits;

// Idle supervisor queue circuits against a trivial page's circuits, same run, same browser, loopback only.
//   dotnet run -c Release --project bench/QueueCircuits [-- --circuits 50 --seconds 60]
// (b) server renders per second while N queue pages sit idle for S seconds (target 0: countdowns tick in the
//     browser), read from QueuePage.RenderCount and, for both pages, from the framework's render-batch meter.
// (c) managed memory per circuit: full GC in the server's own process (started as `--serve`, so the driver and the
//     Playwright client are not in its heap) before and after opening N circuits.
// Baseline page: /not-found, the app's smallest interactive page (one line of text in the standard layout).
// The run stops by itself: every wait is bounded and a watchdog ends the process after 5 minutes.
internal static class CircuitsBench
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--serve"))
            return await BenchServer.RunAsync();
        var circuits = Arg("--circuits", 50);
        var seconds = Arg("--seconds", 60);
        const int OpenItems = 40;
        const int PagesPerContext = 10;
        const string BaselinePath = "/not-found";
        const string QueuePath = "/reception/queue";
        const string ChromiumPath = "/usr/bin/chromium";
        var total = Stopwatch.StartNew();
        var finished = false;
        using var watchdog = new Timer(_ =>
        {
            Console.Error.WriteLine("QueueCircuits: 5-minute budget exceeded, stopping.");
            Environment.Exit(2);
        }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        Console.WriteLine($"QueueCircuits: {circuits} circuits per page, {seconds} s idle, {Environment.ProcessorCount} cores, loopback, Chromium {ChromiumPath}");
        await using var app = await ServerProcess.StartAsync();
        Console.WriteLine($"  server process {app.Id} at {app.BaseUrl}");
        var baseUrl = app.BaseUrl;
        await app.LogOpenItemsAsync(OpenItems);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        browser.Disconnected += (_, _) =>
        {
            if (!finished)
                Console.Error.WriteLine("  the browser has gone");
        };

        // Sign in once as the supervisor; the other contexts share the cookie through the storage state.
        var supervisor = DemoUsers.All.First(u => u.Role == Roles.Supervisor);
        var first = await browser.NewContextAsync();
        var signIn = await first.NewPageAsync();
        await signIn.GotoAsync(baseUrl + "/account/login");
        await signIn.FillAsync("#email", supervisor.Email);
        await signIn.FillAsync("#password", DemoUsers.Password);
        await signIn.ClickAsync("button[type=submit]");
        await WaitInteractiveAsync(signIn);
        var state = await first.StorageStateAsync();
        await signIn.CloseAsync();
        await first.CloseAsync();
        await WaitForCircuitsAsync(app, 0);

        var pages = new List<IPage>();
        for (var c = 0; c * PagesPerContext < circuits; c++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = state });
            for (var p = 0; p < PagesPerContext && pages.Count < circuits; p++)
            {
                var page = await context.NewPageAsync();
                var number = pages.Count;
                page.Crash += (_, _) => Console.Error.WriteLine($"  page {number}: the browser tab crashed");
                page.Close += (_, _) =>
                {
                    if (!finished)
                        Console.Error.WriteLine($"  page {number}: closed");
                };
                pages.Add(page);
            }
        }

        // Warm-up: one visit to each page, so first-use caches (localizers, compiled queries, MudBlazor) are not counted.
        foreach (var path in new[] { BaselinePath, QueuePath })
        {
            await pages[0].GotoAsync(baseUrl + path, new PageGotoOptions { Timeout = 60_000 });
            await WaitInteractiveAsync(pages[0]);
        }
        await pages[0].GotoAsync("about:blank");

        var baseline = await MeasureAsync(BaselinePath, checkQueue: false);
        var queue = await MeasureAsync(QueuePath, checkQueue: true);

        finished = true;
        Console.WriteLine();
        Console.WriteLine($"{"figure",-44}{"baseline " + BaselinePath,22}{"queue " + QueuePath,26}{"ratio",10}");
        Row("(b) QueuePage renders/s (page counter)", "n/a", $"{queue.PageRendersPerSecond:F3}", "-");
        Row("(b) render batches/s, all circuits (meter)", $"{baseline.BatchesPerSecond:F3}", $"{queue.BatchesPerSecond:F3}",
            Ratio(queue.BatchesPerSecond, baseline.BatchesPerSecond));
        Row("(c) managed memory per circuit, KB", $"{baseline.BytesPerCircuit / 1024:F1}", $"{queue.BytesPerCircuit / 1024:F1}",
            Ratio(queue.BytesPerCircuit, baseline.BytesPerCircuit));
        Console.WriteLine($"{"    queue − baseline per circuit, KB",-44}{"",22}{(queue.BytesPerCircuit - baseline.BytesPerCircuit) / 1024,26:F1}");
        Console.WriteLine($"({OpenItems} open items in the queue; idle window {seconds} s after a 3 s settle; whole run {total.Elapsed.TotalSeconds:F0} s)");
        return 0;

        async Task<Result> MeasureAsync(string path, bool checkQueue)
        {
            await WaitForCircuitsAsync(app, 0);
            var before = await app.HeapAsync();
            var open = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(5))
            {
                await Task.WhenAll(pages.Select(async (_, i) =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        try
                        {
                            await OpenAsync(pages[i], path);
                        }
                        catch (PlaywrightException ex)
                        {
                            // A tab lost on a busy 2-core machine: say so, replace it once, same context.
                            Console.Error.WriteLine($"  page {i}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}; retrying in a new tab");
                            var fresh = await pages[i].Context.NewPageAsync();
                            pages[i] = fresh;
                            await OpenAsync(fresh, path);
                        }
                    }
                    finally { gate.Release(); }
                }));
            }
            if (checkQueue)
            {
                var rows = await pages[0].Locator("[data-testid=countdown]").CountAsync();
                if (rows == 0)
                    throw new InvalidOperationException("The queue page shows no countdowns: nothing to measure.");
                Console.WriteLine($"  {path}: {rows} countdowns on the first page");
            }
            await WaitForCircuitsAsync(app, circuits);
            var opened = await app.StatsAsync();
            Console.WriteLine($"  {path}: {circuits} circuits interactive in {open.Elapsed.TotalSeconds:F1} s " +
                $"({opened.QueuePageRenders - before.QueuePageRenders} queue-page renders, {opened.RenderBatches - before.RenderBatches} render batches while opening)");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var after = await app.HeapAsync();

            var idle = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var elapsed = idle.Elapsed.TotalSeconds;
            var end = await app.StatsAsync();
            var result = new Result(
                (end.QueuePageRenders - after.QueuePageRenders) / elapsed,
                (end.RenderBatches - after.RenderBatches) / elapsed,
                (after.HeapBytes - before.HeapBytes) / (double)circuits);
            Console.WriteLine($"  {path}: {end.QueuePageRenders - after.QueuePageRenders} queue-page renders, {end.RenderBatches - after.RenderBatches} render batches in {elapsed:F1} s; " +
                $"server heap {before.HeapBytes / 1024 / 1024.0:F1} → {after.HeapBytes / 1024 / 1024.0:F1} MB");

            if (checkQueue)
                await OneChangeAsync();

            // Leaving the page sends Blazor's disconnect beacon: the circuits close at once.
            await Task.WhenAll(pages.Select(p => p.GotoAsync("about:blank")));
            return result;
        }

        // The control: one new item must reach every idle queue page (else the idle zero would prove nothing).
        async Task OneChangeAsync()
        {
            var start = await app.StatsAsync();
            var change = Stopwatch.StartNew();
            await app.LogOpenItemsAsync(1);
            var now = start;
            while (now.QueuePageRenders - start.QueuePageRenders < circuits && change.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
                now = await app.StatsAsync();
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            now = await app.StatsAsync();
            Console.WriteLine($"  {QueuePath}: one new item → {now.QueuePageRenders - start.QueuePageRenders} queue-page renders, " +
                $"{now.RenderBatches - start.RenderBatches} render batches in {change.Elapsed.TotalSeconds:F1} s (control, not in the figures)");
            if (now.QueuePageRenders - start.QueuePageRenders < circuits)
                throw new InvalidOperationException("A new item did not re-render every queue page: the counters are not live.");
        }

        async Task OpenAsync(IPage page, string path)
        {
            await page.GotoAsync(baseUrl + path, new PageGotoOptions { Timeout = 60_000 });
            await WaitInteractiveAsync(page);
        }

        static Task WaitInteractiveAsync(IPage page) =>
            page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        static async Task WaitForCircuitsAsync(ServerProcess app, int expected)
        {
            var wait = Stopwatch.StartNew();
            int open;
            while ((open = (await app.StatsAsync()).Circuits) != expected)
            {
                if (wait.Elapsed > TimeSpan.FromSeconds(30))
                    throw new InvalidOperationException($"Expected {expected} open circuits, the server has {open}.");
                await Task.Delay(100);
            }
        }

        static string Ratio(double value, double baseline) =>
            baseline == 0 ? (value == 0 ? "0/0" : "∞") : (value / baseline).ToString("F2");

        static void Row(string name, string baseline, string queue, string ratio) =>
            Console.WriteLine($"{name,-44}{baseline,22}{queue,26}{ratio,10}");

        int Arg(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
        }
    }
}

internal sealed record Result(double PageRendersPerSecond, double BatchesPerSecond, double BytesPerCircuit);

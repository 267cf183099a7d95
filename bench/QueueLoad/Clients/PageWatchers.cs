using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace QueueLoad.Clients;

/// <summary>
/// Browser pages that record, in the page itself, when a row carrying a marker first enters the DOM: a
/// MutationObserver installed before any script of the page runs stamps performance.timeOrigin + performance.now()
/// (the wall clock, in ms) for each new marker in a <c>td.queue-excerpt</c> cell. Harvested at the end.
/// </summary>
internal static partial class PageWatchers
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const int PagesPerContext = 10;

    public const string Observer = """
        (() => {
          window.__loadSeen = {};
          const marker = /LT[0-9a-f]{6}-b?\d+/;
          const scan = () => {
            const t = performance.timeOrigin + performance.now();
            for (const cell of document.querySelectorAll('td.queue-excerpt')) {
              const m = marker.exec(cell.textContent);
              if (m && !(m[0] in window.__loadSeen)) window.__loadSeen[m[0]] = t;
            }
          };
          new MutationObserver(scan).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                // Every tab is watched: none may be throttled as a background tab.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
    });

    /// <summary>Signs in through the real sign-in page and returns the cookie state for new contexts.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, Uri baseAddress, string email, string password)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "account/login").ToString(), new PageGotoOptions { Timeout = 60_000 });
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await WaitInteractiveAsync(page);
        return await context.StorageStateAsync();
    }

    /// <summary>Opens the pages (url per index, optional cookie state per index), at most 5 loading at a time.</summary>
    public static async Task<List<IPage>> OpenAsync(IBrowser browser, int count, Func<int, string> url, Func<int, string?> state, CancellationToken ct)
    {
        var pages = new IPage?[count];
        var contexts = new Dictionary<string, List<IBrowserContext>>();
        var slots = new List<(IBrowserContext Context, int Index)>();
        for (var i = 0; i < count; i++)
        {
            var key = state(i) ?? "";
            if (!contexts.TryGetValue(key, out var list))
                contexts[key] = list = [];
            if (list.Count == 0 || slots.Count(s => s.Context == list[^1]) >= PagesPerContext)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = state(i) });
                await context.AddInitScriptAsync(Observer);
                list.Add(context);
            }
            slots.Add((list[^1], i));
        }
        using var gate = new SemaphoreSlim(5);
        await Task.WhenAll(slots.Select(async slot =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var page = await slot.Context.NewPageAsync();
                var number = slot.Index;
                page.Crash += (_, _) => Console.Error.WriteLine($"  page {number}: the browser tab crashed");
                await page.GotoAsync(url(slot.Index), new PageGotoOptions { Timeout = 60_000 });
                await WaitInteractiveAsync(page);
                pages[slot.Index] = page;
            }
            finally { gate.Release(); }
        }));
        return [.. pages.Select(p => p!)];
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public static async Task<int> CountAsync(IPage page) => await page.EvaluateAsync<int>("() => Object.keys(window.__loadSeen || {}).length");

    /// <summary>The page's sightings, and how far its clock is from ours (browser minus this process, ± half the round trip).</summary>
    public static async Task<(Dictionary<string, double> Seen, double OffsetMs, double UncertaintyMs)> HarvestAsync(IPage page)
    {
        var seen = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__loadSeen || {}");
        var before = Clock.NowMs();
        var browserNow = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
        var after = Clock.NowMs();
        return (seen, browserNow - (before + after) / 2, (after - before) / 2);
    }

    public static async Task CloseAllAsync(IReadOnlyList<IPage> pages)
    {
        // Leaving the page sends Blazor's disconnect beacon: the circuits end now, not after the retention period
        // (when the hosts are already gone).
        foreach (var page in pages)
        {
            try { await page.GotoAsync("about:blank", new PageGotoOptions { Timeout = 10_000 }); }
            catch (PlaywrightException) { }
        }
        var contexts = pages.Select(p => p.Context).Distinct().ToList();
        foreach (var context in contexts)
            await context.CloseAsync();
    }

    [GeneratedRegex("^LT[0-9a-f]{6}-\\d+")]
    public static partial Regex MainMarker();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Notices;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Components.Layout;

/// <summary>
/// The tables on an office's 1366×768 screen and the queue on a 390 px phone (app.css: fit-table, fit-cards): no short
/// cell (unit, name, time, header) wraps, a wide table scrolls inside its box with its key columns held, and the
/// supervisor's queue and drawer fit the phone. All on the demo estate's contacts and survey answers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TablesFitBrowserTests(BrowserFixture browser, TablesFitBrowserTests.DemoApp app)
    : IClassFixture<TablesFitBrowserTests.DemoApp>, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    /// <summary>One app with the demo's contacts and answers for every test here: they only read.</summary>
    public sealed class DemoApp : IAsyncLifetime
    {
        public KestrelAppFactory Factory { get; } = new();

        public Task InitializeAsync()
        {
            Factory.Settings["Seed:DemoContacts"] = "true";
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        private readonly SemaphoreSlim notices = new(1, 1);
        private bool noticesAdded;

        /// <summary>A few notices as a run leaves them: sent, pending, and failed with the gateway's long error.</summary>
        public async Task EnsureNoticesAsync()
        {
            await notices.WaitAsync();
            try
            {
                if (noticesAdded)
                    return;
                await using var db = await Factory.CreateDbContextAsync();
                var occupant = await db.Occupants.Include(o => o.Unit).ThenInclude(u => u!.Building).OrderBy(o => o.Id).FirstAsync();
                var now = DateTimeOffset.UtcNow;
                foreach (var (channel, status, error, i) in new[]
                {
                    (NoticeChannel.Email, NoticeStatus.Failed, "System.Net.Sockets.SocketException (111): Connection refused 127.0.0.1:25", 0),
                    (NoticeChannel.Sms, NoticeStatus.Sent, (string?)null, 1),
                    (NoticeChannel.Letter, NoticeStatus.Pending, null, 2),
                })
                {
                    db.Notices.Add(new Notice
                    {
                        EstateId = occupant.Unit!.Building!.EstateId, BuildingId = occupant.Unit.BuildingId, Kind = "payment-request",
                        SourceKey = $"payment-request:fit:{i}", Channel = channel, RecipientKey = NoticeOutbox.OccupantKey(occupant.Id),
                        OccupantId = occupant.Id, Address = channel == NoticeChannel.Email ? "owner@example.com" : channel == NoticeChannel.Sms ? "13800138000" : null,
                        Language = "zh-Hans", Subject = "付款请求书（2026年12月）", Body = "body", Status = status, Attempts = error is null ? 0 : 3,
                        LastError = error, CreatedAt = now, SentAt = status == NoticeStatus.Sent ? now : null,
                    });
                }
                await db.SaveChangesAsync();
                noticesAdded = true;
            }
            finally
            {
                notices.Release();
            }
        }
    }

    /// <summary>The lines an element's text takes: its text boxes grouped by the line they stand on.</summary>
    private const string LinesOf = """
        el => {
            const rects = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.textContent.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push(r);
            }
            rects.sort((a, b) => a.top - b.top);
            let lines = 0, bottom = -Infinity;
            for (const r of rects) {
                if (r.top >= bottom - 1) { lines++; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom);
            }
            return lines;
        }
        """;

    private async Task<IPage> OpenAsync(string language, string role, string path, int width = 1366, int height = 768)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.Factory.BaseUrl, SignIn.DemoEmail(role), DemoUsers.Password);
        await page.GotoAsync(app.Factory.BaseUrl + path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>Every element the selector finds (at least one with text) keeps its text on one line.</summary>
    private static async Task AssertOneLineAsync(IPage page, string selector)
    {
        var cells = page.Locator(selector);
        var found = await cells.EvaluateAllAsync<LineCount[]>(
            $"els => els.map(el => ({{ Text: el.innerText.trim(), Lines: ({LinesOf})(el) }}))");
        Assert.True(found.Any(c => c.Lines > 0), $"no text in {selector}");
        var wrapped = found.Where(c => c.Lines > 1).Select(c => $"'{c.Text.ReplaceLineEndings(" ")}' on {c.Lines} lines").ToList();
        Assert.True(wrapped.Count == 0, $"{selector}: {string.Join("; ", wrapped)}");
    }

    private static Task<bool> PageScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > window.innerWidth");

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, $"tables-fit-{name}.png"), FullPage = true });

    private async Task<string> LedgerPathAsync()
    {
        var today = DateOnly.MinValue;
        await app.Factory.WithScopeAsync(sp =>
        {
            today = sp.GetRequiredService<EstateTime>().Today();
            return Task.CompletedTask;
        });
        return $"/reception/ledger?from={today.AddDays(-20):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Ledger_At1366_ShortCellsAndHeadersKeepToOneLine(string language)
    {
        var page = await OpenAsync(language, Roles.Admin, await LedgerPathAsync());
        await Assertions.Expect(page.Locator("[data-testid=ledger-time]").First).ToBeVisibleAsync();
        await ShotAsync(page, $"ledger-{language}");

        await AssertOneLineAsync(page, "[data-testid=ledger-table] th");
        foreach (var cell in new[] { "time", "unit", "caller", "channel", "kind", "handler", "replied" })
            await AssertOneLineAsync(page, $"[data-testid=ledger-{cell}]");
        // What was said wraps, in a column no wider than about 28 characters' room.
        var widest = await page.Locator("[data-testid=ledger-content]").EvaluateAllAsync<double>(
            "els => Math.max(...els.map(el => el.getBoundingClientRect().width))");
        Assert.InRange(widest, 100, 30 * 16);
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserFact]
    public async Task Ledger_WiderThanTheScreen_ScrollsInItsBoxWithTimeAndUnitHeld()
    {
        var page = await OpenAsync("en", Roles.Admin, await LedgerPathAsync());
        await Assertions.Expect(page.Locator("[data-testid=ledger-time]").First).ToBeVisibleAsync();
        var box = page.Locator("[data-testid=ledger-table] .mud-table-container");

        var widths = await box.EvaluateAsync<double[]>("c => [c.scrollWidth, c.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth > clientWidth, $"ten columns at 1366 px scroll in their box rather than squeeze their cells ({scrollWidth} in {clientWidth})");
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways, not the table's box");

        await box.EvaluateAsync("c => c.scrollLeft = c.scrollWidth");
        var at = await box.EvaluateAsync<Edges>("""
            c => {
                const row = c.querySelector('tbody tr');
                const edge = sel => { const r = row.querySelector(sel).getBoundingClientRect(); return [r.left, r.right]; };
                const b = c.getBoundingClientRect();
                return { Box: [b.left, b.right], Time: edge('[data-testid=ledger-time]'), Unit: edge('[data-testid=ledger-unit]'),
                         Content: edge('[data-testid=ledger-content]'), Replied: edge('[data-testid=ledger-replied]'), Scrolled: c.scrollLeft };
            }
            """);
        Assert.True(at.Scrolled > 0, "the box did not scroll");
        Assert.InRange(at.Time[0], at.Box[0] - 1, at.Box[0] + 1);
        Assert.InRange(at.Unit[0], at.Time[1] - 1, at.Time[1] + 1);
        Assert.True(at.Content[0] < at.Unit[1], "the content column passed under the held time and unit");
        Assert.True(at.Replied[1] <= at.Box[1] + 1, "the last column comes into the box");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "tables-fit-ledger-scrolled.png") });
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task SurveyStatistics_At1366_ItemsBuildingsUnitsAndHeadersKeepToOneLine(string language)
    {
        var page = await OpenAsync(language, Roles.Manager, "/surveys/statistics");
        await Assertions.Expect(page.Locator("[data-testid=dissatisfied-unit]").First).ToBeVisibleAsync();
        await ShotAsync(page, $"statistics-{language}");

        foreach (var table in new[] { "stats-items", "stats-buildings", "stats-dissatisfied", "stats-trend-table" })
            await AssertOneLineAsync(page, $"[data-testid={table}] th");
        foreach (var cell in new[] { "item-name", "building-name", "dissatisfied-unit", "dissatisfied-item", "dissatisfied-answered" })
            await AssertOneLineAsync(page, $"[data-testid={cell}]");
        // The two summary tables show whole on the office's screen.
        foreach (var table in new[] { "stats-items", "stats-buildings" })
        {
            var clipped = await page.Locator($"[data-testid={table}] .mud-table-container").EvaluateAsync<bool>("c => c.scrollWidth > c.clientWidth");
            Assert.False(clipped, $"{table} is cut off at 1366 px");
        }
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Notices_At1366_ShortCellsAndHeadersKeepToOneLine(string language)
    {
        await app.EnsureNoticesAsync();
        var page = await OpenAsync(language, Roles.Supervisor, "/notices");
        await Assertions.Expect(page.Locator("[data-testid=notice-kind]").First).ToBeVisibleAsync();
        await ShotAsync(page, $"notices-{language}");

        await AssertOneLineAsync(page, "[data-testid=notices-table] th");
        // Every cell but the subject and the failure (free text, wrapping in their columns) and the recipient (name and address).
        await AssertOneLineAsync(page, "[data-testid=notices-table] tbody td:not(.fit-text):not([data-testid=notice-recipient])");
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Notices_OnAPhone_NoCardIsWiderThanTheScreen(string language)
    {
        await app.EnsureNoticesAsync();
        var page = await OpenAsync(language, Roles.Supervisor, "/notices", width: 390, height: 844);
        await Assertions.Expect(page.Locator("[data-testid=notice-kind]").First).ToBeVisibleAsync();
        await ShotAsync(page, $"notices-phone-{language}");

        var overflowing = await page.Locator("[data-testid=notices-table] tbody td").EvaluateAllAsync<int>(
            "cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > window.innerWidth + 1).length");
        Assert.Equal(0, overflowing);
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Rectifications_At1366_UnitsNamesAndHeadersKeepToOneLine(string language)
    {
        var page = await OpenAsync(language, Roles.Manager, "/surveys/rectifications");
        await Assertions.Expect(page.Locator("[data-testid=rectification-row]").First).ToBeVisibleAsync();
        await ShotAsync(page, $"rectifications-{language}");

        await AssertOneLineAsync(page, "[data-testid=rectifications] th");
        // Every cell but the occupant's comment (free text, wrapping in its column).
        await AssertOneLineAsync(page, "[data-testid=rectifications] tbody td:not(.fit-text)");
        // The row's button stays in view, however wide the table.
        var button = await page.Locator("[data-testid=rectification-edit]").First.BoundingBoxAsync();
        var box = await page.Locator("[data-testid=rectifications] .mud-table-container").BoundingBoxAsync();
        Assert.True(button!.X + button.Width <= box!.X + box.Width + 1, "the edit button is out of view");
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserFact]
    public async Task TemplatePreview_At1366_EachLanguageShowsWholeWithItsNamesAndLevelsOnOneLine()
    {
        var page = await OpenAsync("en", Roles.Manager, "/surveys/template");
        await Assertions.Expect(page.Locator("[data-testid=preview-item]").First).ToBeVisibleAsync();
        await ShotAsync(page, "template-preview");

        foreach (var culture in new[] { "zh-Hans", "zh-Hant", "en" })
        {
            var preview = $"[data-testid=preview][data-culture={culture}]";
            var clipped = await page.Locator($"{preview} .mud-table-container").EvaluateAsync<bool>("c => c.scrollWidth > c.clientWidth");
            Assert.False(clipped, $"the {culture} preview is cut off");
            await AssertOneLineAsync(page, $"{preview} [data-testid=preview-item-name]");
            await AssertOneLineAsync(page, $"{preview} [data-testid=preview-level] small");
        }
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Queue_At1366_ShortCellsOnOneLineAndTheTimeLeftInView(string language)
    {
        var page = await OpenAsync(language, Roles.Supervisor, "/reception/queue");
        await Assertions.Expect(page.Locator("[data-testid=queue-row]").First).ToBeVisibleAsync();
        await ShotAsync(page, $"queue-{language}");

        await AssertOneLineAsync(page, "[data-testid=queue-table] th");
        foreach (var cell in new[] { "queue-kind", "queue-unit", "queue-caller", "queue-time-left" })
            await AssertOneLineAsync(page, $"[data-testid={cell}]");
        var cut = await page.Locator("[data-testid=queue-table] .mud-table-container").EvaluateAsync<int>("""
            c => {
                const right = c.getBoundingClientRect().right;
                return [...c.querySelectorAll('[data-testid=queue-time-left]')].filter(td => td.getBoundingClientRect().right > right + 1).length;
            }
            """);
        Assert.True(cut == 0, $"{cut} rows' time left is cut off at 1366 px");
        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
    }

    [BrowserTheory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Queue_OnA390PxPhone_RowsReadableWithoutScrollingSidewaysAndTheDrawerFits(string language)
    {
        var page = await OpenAsync(language, Roles.Supervisor, "/reception/queue", 390, 844);
        var rows = page.Locator("[data-testid=queue-row]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await ShotAsync(page, $"queue-phone-{language}");

        Assert.False(await PageScrollsSidewaysAsync(page), "the page scrolls sideways");
        foreach (var cell in new[] { "queue-kind", "queue-unit", "queue-time-left" })
        {
            await AssertOneLineAsync(page, $"[data-testid={cell}]");
            var outside = await page.Locator($"[data-testid={cell}]").EvaluateAllAsync<int>(
                "els => els.filter(el => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; }).length");
            Assert.True(outside == 0, $"{outside} {cell} cells lie outside the phone's screen");
        }

        await rows.First.ClickAsync();
        var drawer = page.Locator("[data-testid=queue-drawer]");
        await Assertions.Expect(page.Locator("[data-testid=drawer-request]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const d = document.querySelector('[data-testid=queue-drawer]').getBoundingClientRect(); return d.right <= window.innerWidth + 1; }");
        var span = await drawer.EvaluateAsync<double[]>("d => { const r = d.getBoundingClientRect(); return [r.left, r.right]; }");
        var (left, right) = (span[0], span[1]);
        Assert.True(left >= -1 && right <= 391, $"the drawer spans {left}..{right} on a 390 px screen");
        foreach (var control in new[] { "drawer-close", "reply-text", "action-reply" })
        {
            var b = await page.Locator($"[data-testid={control}]").BoundingBoxAsync();
            Assert.True(b is not null && b.X >= 0 && b.X + b.Width <= 390, $"{control} is not within the screen");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, $"tables-fit-queue-drawer-{language}.png") });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
            await context.DisposeAsync();
    }

    private sealed class LineCount
    {
        public string Text { get; set; } = "";
        public int Lines { get; set; }
    }

    /// <summary>Left and right edges (px) of the table's box and of the first row's cells, and how far the box scrolled.</summary>
    private sealed class Edges
    {
        public double[] Box { get; set; } = [];
        public double[] Time { get; set; } = [];
        public double[] Unit { get; set; } = [];
        public double[] Content { get; set; } = [];
        public double[] Replied { get; set; } = [];
        public double Scrolled { get; set; }
    }
}

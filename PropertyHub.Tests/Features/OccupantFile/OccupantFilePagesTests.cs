using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Timeline;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>The pages: a VIP's item on the wallboard with its badge and service manager; the timeline page with its print button.</summary>
public sealed class OccupantFilePagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static BunitContext Context(IServiceProvider sp)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(sp.GetRequiredService<TimeProvider>());
        ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Settings.EstateTime>());
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        return ctx;
    }

    [Fact]
    public async Task Wallboard_VipComplaint_BadgeWithTheServiceManager()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.OrderBy(o => o.Id).Skip(5).Select(o => new { o.Id, o.UnitId, o.Unit!.Building!.EstateId }).FirstAsync();
        string manager = "";
        await factory.AsAsync(Roles.Manager, async sp =>
        {
            var supervisor = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(Roles.Supervisor)))!;
            manager = supervisor.DisplayName;
            var saved = await sp.GetRequiredService<VipService>().SaveAsync(new VipForm
            {
                OccupantId = occupant.Id, Reason = "业委会主任", ServiceManagerId = supervisor.Id, ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60),
            });
            Assert.True(saved.Succeeded);
        });
        ServiceRequest? vip = null;
        await factory.AsAsync(Roles.Clerk, async sp => vip = (await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = occupant.EstateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
            UnitId = occupant.UnitId, OccupantId = occupant.Id, CallerName = "Mr Wang", Content = "The lift stops between floors.",
        })).Request);

        await factory.AsAsync(Roles.Supervisor, async sp =>
        {
            await using var ctx = Context(sp);
            ctx.Services.AddSingleton(sp.GetRequiredService<QueueQueries>());
            ctx.Services.AddSingleton(sp.GetRequiredService<IWorkQueueEvents>());
            var board = ctx.Render<WallboardPage>();
            var row = board.FindAll("[data-testid=wallboard-row]").Single(r => r.GetAttribute("data-request-id") == vip!.Id.ToString());
            Assert.Equal($"VIP · {manager}", row.QuerySelector("[data-testid=vip-badge]")!.TextContent.Trim());
            Assert.All(board.FindAll("[data-testid=wallboard-row]").Where(r => r != row), r => Assert.Null(r.QuerySelector("[data-testid=vip-badge]")));
            await Task.CompletedTask;
        });
    }

    [Fact]
    public Task TimelinePage_UnitWithARepair_ListsItsStepsInTheReadersLanguage_WithPrintButton() => factory.AsAsync(Roles.Supervisor, async sp =>
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.OrderBy(u => u.Id).Skip(7).Select(u => new { u.Id, u.Building!.EstateId }).FirstAsync();
        var logged = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = unit.EstateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
            UnitId = unit.Id, CallerName = "Ms Li", Content = "The kitchen tap leaks.",
        });
        Assert.True(logged.Succeeded, string.Join("; ", logged.Errors.Select(e => e.Message)));
        var changed = await db.Units.SingleAsync(u => u.Id == unit.Id);
        changed.Area += 1;
        // A step of the repair written by an engineer who works in 简体: its phrase reads in each reader's language.
        db.TimelineEntries.Add(new TimelineEntry
        {
            ServiceRequestId = logged.Request!.Id, Kind = TimelineKind.WorkOrder, At = DateTimeOffset.UtcNow, ActorName = "Engineer",
            Text = "工程师已到场\n工单已创建:水, 厨房水龙头",
            Phrase = TimelinePhrases.Write("RepairsText", [new PhraseLine("Step.Arrived"), new PhraseLine("Step.Created", new PhraseWord("Category.Water"), "厨房水龙头")]),
        });
        await db.SaveChangesAsync();
        await using var ctx = Context(sp);
        ctx.Services.AddSingleton(sp.GetRequiredService<OccupantTimeline>());
        ctx.Services.AddSingleton(sp.GetRequiredService<RegistryService>());

        var page = ctx.Render<TimelinePage>(p => p.Add(x => x.UnitId, unit.Id));

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=timeline-kind]"), k => k.GetAttribute("data-kind") == nameof(TimelineEventKind.Repair)),
            TimeSpan.FromSeconds(10));
        Assert.Contains("The kitchen tap leaks.", page.Markup);
        // A change says in words what changed, never the record's type name.
        var whats = page.FindAll("[data-testid=timeline-what]").Select(w => w.TextContent.Trim()).ToList();
        Assert.Contains("Unit details changed", whats);
        Assert.Contains("Engineer arrived\nWork order created: Water, 厨房水龙头", whats);
        Assert.DoesNotContain(whats, w => w.Contains("工程师已到场"));
        Assert.DoesNotContain("Unit", whats);
        // Printing opens the whole timeline from the server, not the page on screen.
        Assert.Equal($"/units/{unit.Id}/timeline/print", page.Find("[data-testid=timeline-print]").GetAttribute("href"));
        // On a phone each row is a card: every value carries its column's name.
        AssertEveryCellLabelled(page.FindAll("[data-testid=timeline] tbody tr.mud-table-row td"), ["When", "What", "Detail", "Amount", "By"]);
        // ... and a card shows no empty amount row (hidden on a phone by its class).
        var amounts = page.FindAll("[data-testid=timeline-amount]");
        Assert.Contains(amounts, td => td.TextContent.Trim() == "");
        Assert.All(amounts.Where(td => td.TextContent.Trim() == ""), td => Assert.Contains("timeline-empty", td.ClassList));
        // The kinds chosen live in the address: a reload (the same address) shows the same filter.
        var nav = ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("kinds", "Repair"));
        var filtered = ctx.Render<TimelinePage>(p => p.Add(x => x.UnitId, unit.Id));
        filtered.WaitForAssertion(() => Assert.NotEmpty(filtered.FindAll("[data-testid=timeline-kind]")), TimeSpan.FromSeconds(10));
        Assert.All(filtered.FindAll("[data-testid=timeline-kind]"), k => Assert.Equal(nameof(TimelineEventKind.Repair), k.GetAttribute("data-kind")));
        Assert.Equal($"/units/{unit.Id}/timeline/print?kinds=Repair", filtered.Find("[data-testid=timeline-print]").GetAttribute("href"));
    });

    [Fact]
    public Task TimelinePrint_MoreThanAScreenPage_TheWholeTimelineOfTheChosenKind_InTheReadersLanguage() => factory.AsAsync(Roles.Supervisor, async sp =>
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.OrderBy(u => u.Id).Skip(9).Select(u => new { u.Id, u.Building!.EstateId }).FirstAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        foreach (var (kind, i) in Enumerable.Range(0, 61).Select(i => (i == 0 ? RequestKind.Complaint : RequestKind.Inquiry, i)))
        {
            db.ServiceRequests.Add(new ServiceRequest
            {
                EstateId = unit.EstateId, UnitId = unit.Id, Kind = kind, Channel = Channel.ServiceLine, Content = $"來電 {i}",
                Status = RequestStatus.Open, ReceivedAt = at.AddMinutes(i), TakenByName = "Clerk",
            });
        }
        await db.SaveChangesAsync();
        var contacts = await db.ServiceRequests.CountAsync(r => r.UnitId == unit.Id && r.Kind != RequestKind.Complaint && r.Kind != RequestKind.Repair);
        await using var ctx = Context(sp);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hant");
        ctx.Services.AddSingleton(sp.GetRequiredService<OccupantTimeline>());
        ctx.Services.AddSingleton(sp.GetRequiredService<RegistryService>());
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/units/{unit.Id}/timeline/print?kinds=Contact");

        var page = ctx.Render<TimelinePrintPage>(p => p.Add(x => x.UnitId, unit.Id));

        page.WaitForAssertion(() => Assert.Equal(contacts, page.FindAll("[data-testid=timeline-print-row]").Count), TimeSpan.FromSeconds(10));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        Assert.True(contacts > 50);
        Assert.All(page.FindAll("[data-testid=timeline-print-row]"), r => Assert.Equal(nameof(TimelineEventKind.Contact), r.GetAttribute("data-kind")));
        Assert.Contains("內容", page.Find("thead").TextContent);
        Assert.StartsWith("來訪來電", page.Find("[data-testid=timeline-print-kinds]").TextContent.Trim());
        var whats = page.FindAll("[data-testid=timeline-print-what]").Select(w => w.TextContent.Trim()).ToList();
        Assert.Contains("來電 60", whats);
        Assert.Contains("來電 1", whats);
        Assert.DoesNotContain("來電 0", whats);
    });

    [Fact]
    public Task MissingDocumentsReport_OnAPhone_EveryValueCarriesItsColumnsName() => factory.AsAsync(Roles.Clerk, async sp =>
    {
        await using var ctx = Context(sp);
        ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.OccupantFile.Documents.DocumentReports>());

        var page = ctx.Render<PropertyHub.Features.OccupantFile.Documents.MissingDocumentsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=missing-occupant]")), TimeSpan.FromSeconds(10));
        AssertEveryCellLabelled(page.FindAll("[data-testid=missing-table] tbody tr.mud-table-row td"), ["Unit", "Occupant", "Missing", "Documents missing"]);
        // The report's own layout (app.css, scoped to it): names and the count on one line at 1366, labels beside values on a phone.
        Assert.Contains("missing-report", page.Find("[data-testid=missing-table]").ClassList);
        Assert.Equal(2, page.FindAll("[data-testid=missing-table] thead th").Count(th => th.ClassList.Contains("missing-name") || th.ClassList.Contains("missing-count")));
        Assert.All(page.FindAll("[data-testid=missing-occupant]"), td => Assert.Contains("missing-name", td.ClassList));
        var css = sp.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("app.css");
        using var reader = new StreamReader(css.CreateReadStream());
        var rules = await reader.ReadToEndAsync();
        Assert.Contains(".missing-report th, .missing-report .missing-name, .missing-report .missing-count { white-space: nowrap; }", rules);
        Assert.Contains(".missing-report .mud-table-cell::before { white-space: nowrap;", rules);
    });

    /// <summary>A page holding the note as the unit page does: re-rendered with the same occupant after a reload.</summary>
    private sealed class NoteOnAPage : Microsoft.AspNetCore.Components.ComponentBase
    {
        [Microsoft.AspNetCore.Components.Parameter] public int OccupantId { get; set; }
        [Microsoft.AspNetCore.Components.Parameter] public int Revision { get; set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<OwnershipNote>(0);
            builder.AddAttribute(1, nameof(OwnershipNote.OccupantId), OccupantId);
            builder.AddAttribute(2, nameof(OwnershipNote.Revision), Revision);
            builder.CloseComponent();
        }
    }

    /// <summary>Every cell has a data-label (what MudBlazor shows beside the value on a phone) and all the columns named are among them.</summary>
    private static void AssertEveryCellLabelled(IReadOnlyList<AngleSharp.Dom.IElement> cells, string[] labels)
    {
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.False(string.IsNullOrWhiteSpace(c.GetAttribute("data-label")), c.OuterHtml));
        Assert.Equal(labels.Order(), cells.Select(c => c.GetAttribute("data-label")!).Distinct().Order());
    }

    [Theory]
    [InlineData(Roles.Clerk, true)]
    [InlineData(Roles.Finance, false)]
    public async Task TitlePanel_SoldUnit_HistoryNewestFirstOwnerOnADayAndTheTransferButtonForThoseWhoMay(string role, bool mayRecord)
    {
        var unit = await TitleTesting.SoldUnitAsync(factory, skip: role == Roles.Clerk ? 11 : 12);
        await factory.AsAsync(role, async sp =>
        {
            await using var ctx = Context(sp);
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            ctx.Services.AddSingleton(sp.GetRequiredService<TitleService>());
            // The note on the seller's card, shown before the sale, is read again when its page reloads after it
            // (the page passes the same occupant and a new revision).
            var card = ctx.Render<NoteOnAPage>(p => p.Add(x => x.OccupantId, unit.SellerId));
            Assert.Empty(card.FindAll("[data-testid=ownership-note]"));
            await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 11, 10));
            card.Render(p => p.Add(x => x.OccupantId, unit.SellerId).Add(x => x.Revision, 1));
            card.WaitForAssertion(() => Assert.Equal("Former owner, 2020-05-01 to 2026-11-09", card.Find("[data-testid=ownership-note]").TextContent.Trim()));
            var occupants = (await sp.GetRequiredService<RegistryService>().GetUnitAsync(unit.UnitId))!.Occupants;

            var panel = ctx.Render<TitleRecordsPanel>(p => p.Add(x => x.UnitId, unit.UnitId).Add(x => x.Occupants, occupants));

            var rows = panel.FindAll("[data-testid=ownership-history] tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.StartsWith($"{unit.Buyer}2026-11-10now", rows[0].TextContent.Replace(" ", "").Replace("\n", ""));
            Assert.Contains("2026-11-09", rows[1].TextContent);
            Assert.Equal(mayRecord, panel.FindAll("[data-testid=record-transfer]").Count == 1);
            var seller = ctx.Render<OwnershipNote>(p => p.Add(x => x.OccupantId, unit.SellerId));
            var buyer = ctx.Render<OwnershipNote>(p => p.Add(x => x.OccupantId, unit.BuyerId));
            Assert.Equal("Former owner, 2020-05-01 to 2026-11-09", seller.Find("[data-testid=ownership-note]").TextContent.Trim());
            Assert.Equal("Owner since 2026-11-10", buyer.Find("[data-testid=ownership-note]").TextContent.Trim());
        });
    }
}

using Bunit;
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
        Assert.NotNull(page.Find("[data-print]"));
    });

    [Theory]
    [InlineData(Roles.Clerk, true)]
    [InlineData(Roles.Finance, false)]
    public async Task TitlePanel_SoldUnit_HistoryNewestFirstOwnerOnADayAndTheTransferButtonForThoseWhoMay(string role, bool mayRecord)
    {
        var unit = await TitleTesting.SoldUnitAsync(factory, skip: role == Roles.Clerk ? 11 : 12);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 11, 10));
        await factory.AsAsync(role, async sp =>
        {
            await using var ctx = Context(sp);
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            ctx.Services.AddSingleton(sp.GetRequiredService<TitleService>());
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

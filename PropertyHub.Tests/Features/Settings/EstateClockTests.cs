using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Answer;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Tests.Features.Fees;
using PropertyHub.Tests.Features.Fees.Books;
using PropertyHub.Tests.Features.Reception;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Settings;

/// <summary>
/// Two estates on two clocks: the demo estate in Asia/Shanghai (UTC+8, the configured default) and one in
/// Europe/London (UTC+0 in winter, +1 in summer). Every date and time of an estate is read on its own calendar's zone.
/// </summary>
public sealed class EstateClockTests : IAsyncLifetime
{
    private readonly ClockedAppFactory factory = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private int shanghai, shanghaiUnit, london, londonUnit, londonBuilding, londonOccupant;

    public async Task InitializeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var demo = await db.Units.Include(u => u.Building).Where(u => u.Occupants.Any()).OrderBy(u => u.Id).FirstAsync();
        (shanghai, shanghaiUnit) = (demo.Building!.EstateId, demo.Id);
        var unit = new Unit { Number = "101", Floor = 1, Area = 60m, Occupants = [new Occupant { Name = "Ms Smith" }] };
        var estate = new Estate
        {
            Name = "Thames Court", OfficeName = "Thames Court office", Calendar = new() { TimeZoneId = "Europe/London" },
            Buildings = [new Building { Code = "L1", Name = "London 1", Units = [unit] }],
        };
        db.Estates.Add(estate);
        await db.SaveChangesAsync();
        (london, londonUnit, londonBuilding, londonOccupant) = (estate.Id, unit.Id, unit.BuildingId, unit.Occupants[0].Id);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private EstateTime Time => factory.Services.GetRequiredService<EstateTime>();

    [Fact]
    public async Task EstateTime_TwoEstates_EachOnItsCalendarsZoneAndAChangedZoneSeenAtOnce()
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal("Asia/Shanghai", Time.DefaultZoneId);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31)), (Time.Today(shanghai), Time.Today(london)));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero), Time.ToLocal(london, factory.Clock.GetUtcNow()));
        Assert.Equal((new DateTimeOffset(2026, 12, 30, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)),
            Time.DayBounds(shanghai, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));
        Assert.Equal((new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Time.DayBounds(london, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));
        // Duties follow the first estate, the demo one.
        Assert.Equal("Asia/Shanghai", Time.Zone.Id);

        // The admin moves the estate to New York on its calendar: the next answer is New York's.
        await factory.WithAsync(async sp =>
        {
            var calendars = sp.GetRequiredService<ServiceCalendarService>();
            var current = (await calendars.GetAsync(london))!;
            var changed = ServiceCalendarService.Copy(current.Calendar);
            changed.TimeZoneId = "America/New_York";
            Assert.True((await calendars.SaveAsync(london, current.Version, changed)).Saved);
            return 0;
        });
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 11, 30, 0, TimeSpan.FromHours(-5)), Time.ToLocal(london, factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Receipt_AtShanghaiMidnightOnNewYear_NumberedInEachEstatesOwnYear()
    {
        // 00:30 on 1 January 2027 in Shanghai; 16:30 on 31 December 2026 in London.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        var inShanghai = await PaymentServiceTests.PayAsync(factory, shanghaiUnit, "10.00");
        var inLondon = await PaymentServiceTests.PayAsync(factory, londonUnit, "10.00");

        Assert.Equal("R2027-000001", inShanghai.ReceiptNumber);
        Assert.Equal("R2026-000001", inLondon.ReceiptNumber);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal([(shanghai, 2027), (london, 2026)],
            (await db.Payments.OrderBy(p => p.Id).Select(p => new { p.EstateId, p.ReceiptYear }).ToListAsync()).Select(p => (p.EstateId, p.ReceiptYear)));
    }

    [Fact]
    public async Task Billing_LateInTheDay_DueDateCountedFromEachEstatesDate()
    {
        // 17:00 on 15 December in London; already 01:00 on the 16th in Shanghai, a day late there.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));

        await factory.WithAsync(sp => sp.GetRequiredService<PaymentRequestIssuer>().IssueAsync(new DateOnly(2026, 12, 1), CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        var due = await db.PaymentRequests.Where(r => r.UnitId == shanghaiUnit || r.UnitId == londonUnit).ToDictionaryAsync(r => r.UnitId, r => r.DueDate);
        Assert.Equal(new DateOnly(2026, 12, 20), due[londonUnit]);
        Assert.Equal(new DateOnly(2026, 12, 21), due[shanghaiUnit]);
    }

    [Fact]
    public async Task Ledger_LondonEstate_DayEndsAtLondonMidnightInSummerTime()
    {
        var estate = new LedgerTesting.TestEstate(london, londonUnit, "L1-101");
        await using (var db = await factory.CreateDbContextAsync())
        {
            // 23:30 on 1 July and 00:30 on 2 July in London (BST, UTC+1); both are 2 July in Shanghai.
            db.ServiceRequests.AddRange(
                estate.Contact(RequestKind.Inquiry, new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero), "late on the first"),
                estate.Contact(RequestKind.Inquiry, new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero), "early on the second"));
            await db.SaveChangesAsync();
        }

        var (first, second, time) = await factory.WithAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<LedgerService>();
            var one = await ledger.PageAsync(london, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1), 0, 25);
            var two = await ledger.PageAsync(london, new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 2), 0, 25);
            return (one, two, sp.GetRequiredService<LedgerFormat>().Time(london, one.Rows.Single().ReceivedAt));
        });

        Assert.Equal("late on the first", Assert.Single(first.Rows).Content);
        Assert.Equal("early on the second", Assert.Single(second.Rows).Content);
        Assert.Equal("2026-07-01 23:30", time);
    }

    [Fact]
    public async Task Queue_LondonEstate_DueTodayAndTheDrawersDueTimeOnLondonsClock()
    {
        // 23:00 on 1 July in London.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero));
        var estate = new LedgerTesting.TestEstate(london, londonUnit, "L1-101");
        ServiceRequest today, tomorrow;
        await using (var db = await factory.CreateDbContextAsync())
        {
            today = estate.Contact(RequestKind.Complaint, factory.Clock.GetUtcNow().AddHours(-1), "due at 23:45");
            today.DueAt = new DateTimeOffset(2026, 7, 1, 22, 45, 0, TimeSpan.Zero);
            tomorrow = estate.Contact(RequestKind.Complaint, factory.Clock.GetUtcNow().AddHours(-1), "due at 00:15");
            tomorrow.DueAt = new DateTimeOffset(2026, 7, 1, 23, 15, 0, TimeSpan.Zero);
            db.ServiceRequests.AddRange(today, tomorrow);
            await db.SaveChangesAsync();
        }

        var counters = await factory.WithAsync(sp => sp.GetRequiredService<QueueQueries>().GetCountersAsync(new QueueFilter { EstateId = london }));
        Assert.Equal((2, 1), (counters.Open, counters.DueToday));

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Supervisor, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<ReceptionService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(sp.GetRequiredService<TimeProvider>());
            ctx.Render<MudBlazor.MudPopoverProvider>();
            var drawer = ctx.Render<QueueDrawer>(p => p.Add(d => d.RequestId, tomorrow.Id));
            drawer.WaitForAssertion(() => Assert.Contains("2026-07-02 00:15", drawer.Find("[data-testid=drawer-request]").TextContent));
            Assert.DoesNotContain("07:15", drawer.Find("[data-testid=drawer-request]").TextContent);
        }));
    }
    /// <summary>A bUnit context with the app's Mud, localization and clock services, signed in with a role.</summary>
    private BunitContext Bunit(IServiceProvider sp, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
        ctx.Services.AddSingleton<TimeProvider>(factory.Clock);
        ctx.AddAuthorization().SetAuthorized("staff").SetRoles(role);
        return ctx;
    }

    private Notice LondonNotice(NoticeChannel channel, string source, DateTimeOffset at) => new()
    {
        EstateId = london, Kind = "test", SourceKey = source, Channel = channel, RecipientKey = $"occupant:{londonOccupant}",
        OccupantId = channel == NoticeChannel.Board ? null : londonOccupant, BuildingId = channel == NoticeChannel.Letter ? londonBuilding : null,
        Language = "en", Subject = "Lift service " + source, Body = "The lift is serviced on Monday.", CreatedAt = at,
        Status = channel == NoticeChannel.Board ? NoticeStatus.Sent : NoticeStatus.Pending, SentAt = channel == NoticeChannel.Board ? at : null,
    };

    [Fact]
    public async Task Notices_LondonNoticeLetterAndBoard_ShownOnLondonsClockNotTheHomeEstates()
    {
        // 16:30 on New Year's Eve in London; already 00:30 on 1 January 2027 in Shanghai, the home estate.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var at = factory.Clock.GetUtcNow();
        Notice letter, board;
        await using (var db = await factory.CreateDbContextAsync())
        {
            letter = LondonNotice(NoticeChannel.Letter, "letter", at);
            board = LondonNotice(NoticeChannel.Board, "board", at);
            board.RecipientKey = $"estate:{london}";
            db.Notices.AddRange(letter, board);
            await db.SaveChangesAsync();
        }

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Manager, async sp =>
        {
            await using var ctx = Bunit(sp, Roles.Manager);
            ctx.Services.AddSingleton(sp.GetRequiredService<NoticeService>());

            var table = ctx.Render<NoticeTable>(p => p.Add(t => t.Items, [letter]));
            var row = table.Find("[data-testid=notices-table] tbody tr").TextContent;
            Assert.Contains("2026-12-31 16:30", row);
            Assert.DoesNotContain("2027-01-01", row);

            var print = ctx.Render<LettersPrintPage>(p => p.Add(l => l.BuildingId, londonBuilding));
            print.WaitForAssertion(() => Assert.Contains("2026-12-31", print.Find("[data-testid=letter] .letter-foot").TextContent));
            Assert.DoesNotContain("2027-01-01", print.Find("[data-testid=letter] .letter-foot").TextContent);

            ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/notices/board?estate={london}");
            var page = ctx.Render<BoardPage>();
            page.WaitForAssertion(() => Assert.Contains("2026-12-31 16:30", page.Find("[data-testid=board-notice]").TextContent));
            Assert.DoesNotContain("2027-01-01", page.Find("[data-testid=board-notice]").TextContent);
        }));
    }

    [Fact]
    public async Task CollectionVisitCard_LondonTask_LastVisitAndTodaysPromiseOnLondonsClock()
    {
        // 17:00 on 15 December in London; already 01:00 on the 16th in Shanghai.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
        var visit = new CollectionVisit { VisitedAt = new DateTimeOffset(2026, 12, 15, 16, 30, 0, TimeSpan.Zero), VisitedBy = "Mr Jones", Outcome = VisitOutcome.NotAtHome };
        var row = new CollectionRow(1, 0, london, 1, londonBuilding, "L1", "London 1", londonUnit, "L1-101", 1, "Ms Smith", null,
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), 100m, CollectionStatus.Open, null, null, null, visit);

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Clerk, async sp =>
        {
            await using var ctx = Bunit(sp, Roles.Clerk);
            ctx.Services.AddSingleton(sp.GetRequiredService<CollectionVisits>());
            var card = ctx.Render<VisitCard>(p => p.Add(c => c.Row, row));

            Assert.Contains("2026-12-15 16:30", card.Find("[data-testid=collection-visit-last]").TextContent);
            card.Find("[data-testid=collection-outcome-Promised]").Click();
            // A promise defaults to a week after London's today (the 15th), not the home estate's (the 16th).
            Assert.Equal("2026-12-22", card.Find("input[data-testid=collection-promised-date]").GetAttribute("value"));
        }));
    }

    [Fact]
    public async Task Rectifications_DueOnTheDayLateInLondon_OverdueOnlyWhereThatDayHasPassed()
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero));
        await factory.WithAsync(sp => sp.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse("2026-Q4"), default));
        var inShanghai = await AnswerDissatisfiedAsync(shanghaiUnit);
        var inLondon = await AnswerDissatisfiedAsync(londonUnit);
        var due = new DateOnly(2026, 12, 15);
        await using (var db = await factory.CreateDbContextAsync())
            await db.Rectifications.Where(r => r.Id == inShanghai || r.Id == inLondon).ExecuteUpdateAsync(u => u.SetProperty(r => r.DueDate, due));
        // 17:00 on 15 December in London, due today there; already the 16th in Shanghai, a day late.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Manager, async sp =>
        {
            var rectifications = sp.GetRequiredService<RectificationService>();
            var all = await rectifications.ListAsync(new RectificationQuery(), "en");
            Assert.Equal((true, false), (all.Rows.Single(r => r.Id == inShanghai).Overdue, all.Rows.Single(r => r.Id == inLondon).Overdue));
            var overdue = await rectifications.ListAsync(new RectificationQuery(OverdueOnly: true), "en");
            Assert.Contains(overdue.Rows, r => r.Id == inShanghai);
            Assert.DoesNotContain(overdue.Rows, r => r.Id == inLondon);
            Assert.Equal(overdue.Rows.Count, overdue.OverdueCount);

            await using var ctx = Bunit(sp, Roles.Manager);
            var table = ctx.Render<RectificationTable>(p => p.Add(t => t.Rows, all.Rows).Add(t => t.Loaded, true));
            Assert.Empty(table.Find($"[data-testid=rectification-row][data-id='{inLondon}']").QuerySelectorAll("[data-testid=overdue-chip]"));
            Assert.NotEmpty(table.Find($"[data-testid=rectification-row][data-id='{inShanghai}']").QuerySelectorAll("[data-testid=overdue-chip]"));
        }));
    }

    /// <summary>A clerk types in the unit's paper form with the first item scored 1; returns the rectification it made.</summary>
    private async Task<int> AnswerDissatisfiedAsync(int unitId)
    {
        int surveyId = 0;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            await using (var db = await factory.CreateDbContextAsync())
                surveyId = await db.Surveys.Where(s => s.UnitId == unitId && s.Status == SurveyStatus.Issued).Select(s => s.Id).FirstAsync();
            var answers = sp.GetRequiredService<SurveyAnswers>();
            var form = (await answers.FormAsync(surveyId, "en"))!;
            var answer = new SurveyAnswer { Comment = "The corridor is dirty." };
            for (var i = 0; i < form.Items.Count; i++)
                answer.Scores[form.Items[i].Id] = i == 0 ? 1 : 4;
            var result = await answers.AnswerPaperAsync(surveyId, answer);
            Assert.True(result.Ok, result.Error);
        });
        await using var check = await factory.CreateDbContextAsync();
        return await check.Rectifications.Where(r => r.SurveyId == surveyId).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task AuditTrail_LondonUnit_ChangeShownAtLondonsTimeInSummer()
    {
        // 22:30 UTC on 1 July: 23:30 in London (BST), 06:30 on 2 July in Shanghai.
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.AuditEntries.Add(new AuditEntry
            {
                EntityType = nameof(Unit), EntityId = londonUnit, Action = AuditAction.Changed, UserName = "Mr Jones",
                At = new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero), Changes = [new AuditChange { Field = nameof(Unit.Area), Old = "60", New = "61" }],
            });
            await db.SaveChangesAsync();
        }

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Manager, async sp =>
        {
            await using var ctx = Bunit(sp, Roles.Manager);
            ctx.Services.AddSingleton(sp.GetRequiredService<AuditQueries>());
            var trail = ctx.Render<AuditTrail>(p => p.Add(t => t.EntityType, nameof(Unit)).Add(t => t.EntityId, londonUnit).Add(t => t.EstateId, london));
            trail.WaitForAssertion(() => Assert.Contains("2026-07-01 23:30", trail.Find("[data-testid=audit-entry]").TextContent));
            Assert.DoesNotContain("07-02", trail.Find("[data-testid=audit-entry]").TextContent);
        }));
    }

    [Fact]
    public async Task PaperEntry_FirstNightOfTheQuarterInShanghai_EachEstateOpensOnItsOwnQuarter()
    {
        // 18:00 on 30 September in London (still Q3); 01:00 on 1 October in Shanghai (Q4).
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero));

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Clerk, async sp =>
        {
            foreach (var (estate, quarter) in new[] { (london, "2026-Q3"), (shanghai, "2026-Q4") })
            {
                await using var ctx = Bunit(sp, Roles.Clerk);
                ctx.Services.AddSingleton(sp.GetRequiredService<SurveyAnswers>());
                ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/surveys/paper?estate={estate}");
                var page = ctx.Render<PaperEntryPage>();
                page.WaitForAssertion(() => Assert.Equal(quarter, page.Find("input[data-testid=paper-quarter]").GetAttribute("value")));
            }
        }));
    }
}

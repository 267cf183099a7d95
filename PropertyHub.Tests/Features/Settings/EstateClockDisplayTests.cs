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
/// <summary>What staff read: notices, letters, the board, visit cards, rectifications, the audit trail and paper entry.</summary>
public sealed class EstateClockDisplayTests : TwoEstatesTest
{
    /// <summary>A bUnit context with the app's Mud, localization and clock services, signed in with a role.</summary>
    private BunitContext Bunit(IServiceProvider sp, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
        ctx.Services.AddSingleton<TimeProvider>(factory.Clock);
        ctx.AddAuthorization().SetAuthorized("staff").SetAccess(role);
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

            var table = ctx.Render<NoticeTable>(p => p.Add(t => t.Filter, new NoticeFilter(Channel: NoticeChannel.Letter, Search: letter.Subject)));
            table.WaitForAssertion(() => Assert.Contains(letter.Subject, table.Find("[data-testid=notices-table] tbody tr").TextContent));
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
            var all = await rectifications.ListAsync(new RectificationQuery(), "en", new PageRequest(0, 100));
            Assert.Equal((true, false), (all.Rows.Single(r => r.Id == inShanghai).Overdue, all.Rows.Single(r => r.Id == inLondon).Overdue));
            var overdue = await rectifications.ListAsync(new RectificationQuery(OverdueOnly: true), "en", new PageRequest(0, 100));
            Assert.Contains(overdue.Rows, r => r.Id == inShanghai);
            Assert.DoesNotContain(overdue.Rows, r => r.Id == inLondon);
            Assert.Equal(overdue.Rows.Count, overdue.OverdueCount);

            await using var ctx = Bunit(sp, Roles.Manager);
            ctx.Services.AddSingleton(rectifications);
            var table = ctx.Render<RectificationTable>(p => p.Add(t => t.Query, new RectificationQuery()));
            table.WaitForAssertion(() => Assert.NotEmpty(table.FindAll($"[data-testid=rectification-row][data-id='{inShanghai}']")));
            Assert.Empty(table.Find($"[data-testid=rectification-row][data-id='{inLondon}']").ParentElement!.QuerySelectorAll("[data-testid=overdue-chip]"));
            Assert.NotEmpty(table.Find($"[data-testid=rectification-row][data-id='{inShanghai}']").ParentElement!.QuerySelectorAll("[data-testid=overdue-chip]"));
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

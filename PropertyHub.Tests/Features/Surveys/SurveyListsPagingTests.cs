using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.FollowUps;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Tests.Features.Registry;
using PropertyHub.Tests.Features.Surveys.Rectifications;

namespace PropertyHub.Tests.Features.Surveys;

/// <summary>
/// The follow-ups and rectifications lists a page at a time: the 2026-Q4 forms of an estate whose units were entered out
/// of order, each answered on paper with one item scored 1 and a suggestion (one rectification, one follow-up per unit).
/// </summary>
public sealed class SurveyListsPagingTests : IAsyncLifetime
{
    private readonly SurveyWorkApp app = new();

    public async Task InitializeAsync()
    {
        await using (var db = await app.Factory.CreateDbContextAsync())
            await OrderEstate.SeedAsync(db);
        await app.InitializeAsync();
        List<int> forms;
        await using (var db = await app.CreateDbContextAsync())
        {
            forms = await db.Surveys.Where(s => s.Status == SurveyStatus.Issued
                    && db.Units.Any(u => u.Id == s.UnitId && u.Building!.Estate!.Name == OrderEstate.Name))
                .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        }
        Assert.Equal(OrderEstate.Natural.Count, forms.Count);
        foreach (var id in forms)
        {
            var result = await app.InScopeAs(Roles.Clerk, async sp =>
            {
                var answers = sp.GetRequiredService<SurveyAnswers>();
                var form = (await answers.FormAsync(id, "en"))!;
                var answer = new SurveyAnswer { Comment = "太吵", Suggestion = "晚上关音乐" };
                for (var i = 0; i < form.Items.Count; i++)
                    answer.Scores[form.Items[i].Id] = i == 0 ? 1 : 4;
                return await answers.AnswerPaperAsync(id, answer);
            });
            Assert.True(result.Ok, result.Error);
        }
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task FollowUps_SecondPageByUnitNaturally_TotalCountsTheFilter()
    {
        var byUnit = await app.AsFollowUper(Roles.Clerk, s => s.ListAsync(FollowUpFilter.Open, new PageRequest(2, 2, FollowUpService.SortByUnit)));
        var backwards = await app.AsFollowUper(Roles.Clerk, s => s.ListAsync(FollowUpFilter.All, new PageRequest(0, 2, FollowUpService.SortByUnit, Descending: true)));
        var oldestFirst = await app.AsFollowUper(Roles.Clerk, s => s.ListAsync(FollowUpFilter.Open, new PageRequest(1, 2)));
        var done = await app.AsFollowUper(Roles.Clerk, s => s.ListAsync(FollowUpFilter.Done, new PageRequest(0, 2)));
        var otherQuarter = await app.AsFollowUper(Roles.Clerk, s => s.ListAsync(FollowUpFilter.All, new PageRequest(0, 2), "2026-Q3"));

        Assert.Equal(OrderEstate.Natural.Skip(2).Take(2), byUnit.Rows.Select(r => r.Unit));
        Assert.Equal(6, byUnit.Total);
        Assert.Equal(["10-1001", "10-101"], backwards.Rows.Select(r => r.Unit));
        Assert.Equal(2, oldestFirst.Rows.Count);
        Assert.True(oldestFirst.Rows[0].Id < oldestFirst.Rows[1].Id);
        Assert.Equal((0, 0), (done.Total, otherQuarter.Total));
    }

    [Fact]
    public async Task Rectifications_SecondPageByUnitNaturally_TotalCountsTheFilterCountersCountAll()
    {
        var byUnit = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(RectificationFilter.All), "en",
            new PageRequest(4, 2, RectificationService.SortByUnit)));
        var byDue = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(), "en", new PageRequest(3, 3)));
        var otherQuarter = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(Quarter: "2026-Q3"), "en", new PageRequest(0, 3)));

        Assert.Equal(OrderEstate.Natural.Skip(4).Take(2), byUnit.Rows.Select(r => r.Unit));
        Assert.Equal(6, byUnit.Total);
        Assert.Equal(3, byDue.Rows.Count);
        Assert.Equal(6, byDue.Total);
        Assert.Empty(otherQuarter.Rows);
        Assert.Equal((0, 6), (otherQuarter.Total, otherQuarter.OpenCount));
    }
}

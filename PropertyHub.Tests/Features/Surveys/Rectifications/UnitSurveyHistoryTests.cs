using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Rectifications;

namespace PropertyHub.Tests.Features.Surveys.Rectifications;

/// <summary>The unit page's survey history: quarter, how answered, average score and the work still open.</summary>
public sealed class UnitSurveyHistoryTests(SurveyWorkApp app) : IClassFixture<SurveyWorkApp>
{
    private async Task<int> UnitOfAsync(int surveyId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Surveys.Where(s => s.Id == surveyId).Select(s => s.UnitId).SingleAsync();
    }

    [Fact]
    public async Task ForUnit_AnsweredForm_AverageAndOpenWorkCounted_SignedOffNotCounted()
    {
        var surveyId = await app.AnswerNextAsync(low: 2, comment: "Noisy at night.");
        var unitId = await UnitOfAsync(surveyId);
        var rectifications = await app.RectificationsOfAsync(surveyId);
        await using (var db = await app.CreateDbContextAsync())
        {
            var scores = await db.SurveyScores.Where(s => s.SurveyId == surveyId).Select(s => s.Score).ToListAsync();
            var row = Assert.Single(await app.InScope(sp => sp.GetRequiredService<UnitSurveys>().ForUnitAsync(unitId)));
            Assert.Equal("2026-Q4", row.Quarter);
            Assert.Equal(AnswerChannel.Paper, row.AnsweredVia);
            Assert.Equal(scores.Average(), row.AverageScore!.Value, 3);
            Assert.Equal(2, row.OpenRectifications);
            Assert.Equal(1, row.OpenFollowUps);
        }
        var first = rectifications[0];
        var edit = new RectificationEdit { Department = first.Department, DueDate = first.DueDate, Measure = "Quiet hours posted.", EvidenceNote = "Notice photo." };
        Assert.True((await app.AsRectifier(Roles.Supervisor, s => s.MarkDoneAsync(first.Id, first.Version, edit))).Ok);
        Assert.True((await app.AsRectifier(Roles.Manager, s => s.SignOffAsync(first.Id, first.Version + 1))).Ok);

        var after = Assert.Single(await app.InScope(sp => sp.GetRequiredService<UnitSurveys>().ForUnitAsync(unitId)));

        Assert.Equal(1, after.OpenRectifications);
    }

    [Fact]
    public async Task Component_UnansweredForm_ShowsNotAnsweredWithoutAverage()
    {
        int surveyId;
        await using (var db = await app.CreateDbContextAsync())
            surveyId = await db.Surveys.Where(s => s.Status == SurveyStatus.Issued).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync();
        var unitId = await UnitOfAsync(surveyId);
        await using var scope = app.App.Services.CreateAsyncScope();
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Clerk);
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<UnitSurveys>());

        var history = ctx.Render<UnitSurveyHistory>(p => p.Add(h => h.UnitId, unitId));

        history.WaitForAssertion(() => Assert.NotEmpty(history.FindAll("[data-testid=unit-survey-row]")));
        var row = history.Find("[data-testid=unit-survey-row]");
        Assert.Contains("2026-Q4", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not answered", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("—", row.TextContent, StringComparison.Ordinal);
    }
}

using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Surveys.Answer;

public sealed class PaperEntryPageTests(SurveyAppFactory factory) : IClassFixture<SurveyAppFactory>
{
    private async Task<SurveyForm> UnansweredFormAsync()
    {
        var (_, surveyId) = await factory.TakeLinkAsync();
        return await factory.FormAsync(surveyId);
    }

    private async Task<Survey> SurveyAsync(int surveyId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Surveys.AsNoTracking().Include(s => s.Scores).SingleAsync(s => s.Id == surveyId);
    }

    private async Task<int> RectificationsAsync(int surveyId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Rectifications.CountAsync(r => r.SurveyId == surveyId);
    }

    [Fact]
    public Task Paper_Opened_QuarterIsTheCurrentQuarterInEstateTime() =>
        // 17:00 UTC on 31 December is already 1 January in Shanghai.
        factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            Assert.Equal("2027-Q1", page.Value("paper-quarter"));
            return Task.CompletedTask;
        }, new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Paper_UnitTypedAndEnter_ShowsOneDigitFieldPerItem()
    {
        var form = await UnansweredFormAsync();
        await factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            Assert.Equal(SurveyAppFactory.Quarter, page.Value("paper-quarter"));
            page.LookUp(form.Unit);
            page.WaitForElement("form[data-testid=paper-form]");
            Assert.Contains(form.Unit, page.Find("[data-testid=paper-form-unit]").TextContent);
            Assert.Equal(form.Items.Select(i => $"paper-score-{i.Code}"),
                page.FindAll("form[data-testid=paper-form] input[data-testid^=paper-score-]").Select(e => e.GetAttribute("data-testid")));
            foreach (var item in form.Items)
                Assert.Contains(item.Name, page.Find("form[data-testid=paper-form]").TextContent);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public Task Paper_UnitWithoutForm_ShowsNoFormForUnit() =>
        factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            page.LookUp("9-9999");
            page.WaitForAssertion(() => Assert.Equal("No form was issued to this unit in this quarter.", page.ErrorUnder("paper-unit")));
            Assert.Empty(page.FindAll("form[data-testid=paper-form]"));
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Paper_InvalidDigit_IsRejectedWithMessageAndNothingIsSaved()
    {
        var form = await UnansweredFormAsync();
        await factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            page.LookUp(form.Unit);
            page.WaitForElement("form[data-testid=paper-form]");
            page.TypeScores(form, 5, 5, 5, 5, 5);
            page.Type($"paper-score-{form.Items[5].Code}", "7");
            page.WaitForAssertion(() => Assert.Equal("Type one digit from 1 to 5.", page.ErrorUnder($"paper-score-{form.Items[5].Code}")));
            Assert.Equal("", page.ErrorUnder($"paper-score-{form.Items[0].Code}"));
            page.Save();
            page.WaitForAssertion(() => Assert.Equal("Please check the items marked below.", page.Find("[data-testid=paper-form-error]").TextContent.Trim()));
            Assert.Empty(page.FindAll("[data-testid=paper-saved]"));
            return Task.CompletedTask;
        });
        var survey = await SurveyAsync(form.SurveyId);
        Assert.Equal((SurveyStatus.Issued, 0), (survey.Status, survey.Scores.Count));
    }

    [Fact]
    public async Task Paper_AllScoresAndSave_SavesPaperAnswerWithRectificationAndClearsForTheNextForm()
    {
        var form = await UnansweredFormAsync();
        await factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            page.LookUp(form.Unit);
            page.WaitForElement("form[data-testid=paper-form]");
            page.TypeScores(form, 4, 1, 5, 5, 3, 4);
            page.Type("paper-comment", "夜班保安经常不在岗");
            page.Save();
            page.WaitForAssertion(() => Assert.Equal($"{form.Unit} saved", page.Find("[data-testid=paper-saved]").TextContent.Trim()));
            Assert.Empty(page.FindAll("form[data-testid=paper-form]"));
            Assert.Equal("", page.Value("paper-unit"));
            return Task.CompletedTask;
        });
        var survey = await SurveyAsync(form.SurveyId);
        Assert.Equal((SurveyStatus.Answered, AnswerChannel.Paper, "夜班保安经常不在岗"), (survey.Status, survey.AnsweredVia, survey.Comment));
        Assert.False(string.IsNullOrEmpty(survey.EnteredBy));
        Assert.Equal([4, 1, 5, 5, 3, 4], form.Items.Select(i => survey.Scores.Single(s => s.ItemId == i.Id).Score));
        await using var db = await factory.CreateDbContextAsync();
        var rectification = await db.Rectifications.AsNoTracking().SingleAsync(r => r.SurveyId == form.SurveyId);
        Assert.Equal((form.Items[1].Id, 1), (rectification.ItemId, rectification.Score));
        Assert.Equal(1, await db.FollowUps.CountAsync(f => f.SurveyId == form.SurveyId));
    }

    [Fact]
    public async Task Paper_SameUnitEnteredAgain_SaysAlreadyAnsweredAndChangesNothing()
    {
        var form = await UnansweredFormAsync();
        await factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            page.LookUp(form.Unit);
            page.WaitForElement("form[data-testid=paper-form]");
            page.TypeScores(form, 2, 5, 5, 5, 5, 5);
            page.Save();
            page.WaitForElement("[data-testid=paper-saved]");
            return Task.CompletedTask;
        });
        var first = await SurveyAsync(form.SurveyId);

        await factory.RenderPaperAsync(Roles.Clerk, page =>
        {
            page.LookUp(form.Unit);
            page.WaitForAssertion(() => Assert.Equal("This form has already been answered; the first answer counts.",
                page.Find("[data-testid=paper-already]").TextContent.Trim()));
            Assert.Empty(page.FindAll("form[data-testid=paper-form]"));
            Assert.Empty(page.FindAll("input[data-testid^=paper-score-]"));
            return Task.CompletedTask;
        });

        var after = await SurveyAsync(form.SurveyId);
        Assert.Equal((first.Status, first.AnsweredAt, first.Version), (after.Status, after.AnsweredAt, after.Version));
        Assert.Equal(first.Scores.Select(s => s.Score), after.Scores.Select(s => s.Score));
        Assert.Equal(1, await RectificationsAsync(form.SurveyId));
    }

    [Theory]
    [InlineData(Roles.Clerk, true)]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Engineer, false)]
    [InlineData(Roles.Finance, false)]
    public async Task PaperPage_Roles_OnlyClerksSupervisorsAndManagersGetTheForm(string role, bool allowed)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync("/surveys/paper");
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(allowed, html.Contains("data-testid=\"paper-find\"", StringComparison.Ordinal));
        Assert.Equal(!allowed, html.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal));
    }
}

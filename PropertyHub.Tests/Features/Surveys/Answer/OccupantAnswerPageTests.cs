using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Languages;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Surveys;
using PropertyHub.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyHub.Tests.Features.Surveys.Answer;

public sealed class OccupantAnswerPageTests(SurveyAppFactory factory) : IClassFixture<SurveyAppFactory>
{
    private string Link(string state) => factory.Text<LinksText>(Cultures.English, "Link_" + state);

    private async Task<(SurveyStatus Status, int Scores, int Rectifications, int FollowUps, DateTimeOffset? LinkUsed)> StoredAsync(int surveyId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == surveyId);
        return (survey.Status,
            await db.SurveyScores.CountAsync(s => s.SurveyId == surveyId),
            await db.Rectifications.CountAsync(r => r.SurveyId == surveyId),
            await db.FollowUps.CountAsync(f => f.SurveyId == surveyId),
            await db.PersonalLinks.Where(l => l.Purpose == LinkPurpose.Survey && l.SubjectId == surveyId).MaxAsync(l => l.UsedAt));
    }

    private static void AssertNothingStored((SurveyStatus Status, int Scores, int Rectifications, int FollowUps, DateTimeOffset? LinkUsed) stored) =>
        Assert.Equal((SurveyStatus.Issued, 0, 0, 0, (DateTimeOffset?)null), stored);

    [Theory]
    [InlineData("ForgedForgedForgedForgedForgedForgedForged")]
    [InlineData("ab")]
    [InlineData("not a token!")]
    public async Task Page_ForgedOrMalformedToken_ShowsUnknownLinkAndNoForm(string token)
    {
        await factory.EnsureIssuedAsync();
        var client = await factory.EnglishClientAsync();
        var html = await client.PageAsync(Uri.EscapeDataString(token));
        Assert.Equal(Link("Unknown"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ExpiredLink_ShowsExpiredAndNoFormNorOccupantDetails()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.PersonalLinks.Where(l => l.TokenHash == LinkTokens.Hash(token))
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var client = await factory.EnglishClientAsync();
        var html = await client.PageAsync(token);
        Assert.Equal(Link("Expired"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
        var form = await factory.FormAsync(surveyId);
        Assert.DoesNotContain(form.Unit, html, StringComparison.Ordinal);
        Assert.DoesNotContain(form.OccupantName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LinkRevokedAfterTheFormWasOpened_ShowsRevokedAndSavesNothing()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var client = await factory.EnglishClientAsync();
        var page = await client.PageAsync(token);
        Assert.True(AnswerBrowser.HasForm(page));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<PersonalLinkService>().RevokeAsync(LinkPurpose.Survey, surveyId, "office"));

        var html = await client.AnswerAsync(token, page, [5, 5, 5, 5, 5, 5]);

        Assert.Equal(Link("Revoked"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
        Assert.Equal(Link("Revoked"), AnswerBrowser.Message(await client.PageAsync(token)));
        AssertNothingStored(await StoredAsync(surveyId));
    }

    [Fact]
    public async Task Page_ValidLink_ShowsUnitQuarterAndEveryItemWithFiveChoices()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var client = await factory.EnglishClientAsync();
        var html = await client.PageAsync(token);
        var form = await factory.FormAsync(surveyId);

        Assert.Null(AnswerBrowser.Message(html));
        Assert.Contains(form.Unit, html, StringComparison.Ordinal);
        Assert.Contains(factory.Text<SurveyText>(Cultures.English, "QuarterName", 2026, 4), html, StringComparison.Ordinal);
        Assert.Equal(6, form.Items.Count);
        Assert.Equal(form.Items.Select(i => $"Input.Scores[{i.Id}]"), AnswerBrowser.ScoreFields(html));
        foreach (var item in form.Items)
            Assert.Contains($"<legend>{item.Name}</legend>", html, StringComparison.Ordinal);
        Assert.Equal(6 * 5, System.Text.RegularExpressions.Regex.Count(html, "type=\"radio\""));
        Assert.Contains(factory.Text<AnswerText>(Cultures.English, "Score1"), html, StringComparison.Ordinal);
        Assert.Contains(factory.Text<AnswerText>(Cultures.English, "Score5"), html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"1000\"", html, StringComparison.Ordinal);
        AssertNothingStored(await StoredAsync(surveyId));
    }

    [Fact]
    public async Task Page_NoLanguageChosenInTheBrowser_ShowsTheOccupantsPreferredLanguage()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var occupantId = await db.Surveys.Where(s => s.Id == surveyId).Select(s => s.OccupantId).SingleAsync();
            await db.Occupants.Where(o => o.Id == occupantId).ExecuteUpdateAsync(u => u.SetProperty(o => o.PreferredLanguage, Cultures.TraditionalChinese));
        }
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = await client.PageAsync(token);

        Assert.Contains("<h1>" + factory.Text<AnswerText>(Cultures.TraditionalChinese, "Title") + "</h1>", html, StringComparison.Ordinal);
        Assert.Contains(factory.Text<AnswerText>(Cultures.TraditionalChinese, "Score1"), html, StringComparison.Ordinal);
        var form = await factory.FormAsync(surveyId, Cultures.TraditionalChinese);
        Assert.Contains($"<legend>{form.Items[0].Name}</legend>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AllScoresWithASuggestion_SavesOnlineWithRectificationAndFollowUp_ThenTheLinkIsSpent()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var client = await factory.EnglishClientAsync();
        var page = await client.PageAsync(token);

        var html = await client.AnswerAsync(token, page, [5, 4, 2, 3, 5, 4], suggestion: "请增加夜间巡逻");

        Assert.Equal(factory.Text<AnswerText>(Cultures.English, "Thanks"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
        await using (var db = await factory.CreateDbContextAsync())
        {
            var survey = await db.Surveys.AsNoTracking().Include(s => s.Scores).SingleAsync(s => s.Id == surveyId);
            Assert.Equal(SurveyStatus.Answered, survey.Status);
            Assert.Equal(AnswerChannel.Online, survey.AnsweredVia);
            Assert.Equal("请增加夜间巡逻", survey.Suggestion);
            var form = await factory.FormAsync(surveyId);
            Assert.Equal([5, 4, 2, 3, 5, 4], form.Items.Select(i => survey.Scores.Single(s => s.ItemId == i.Id).Score));
            var rectification = await db.Rectifications.AsNoTracking().SingleAsync(r => r.SurveyId == surveyId);
            Assert.Equal((form.Items[2].Id, 2), (rectification.ItemId, rectification.Score));
            Assert.Equal("请增加夜间巡逻", (await db.FollowUps.AsNoTracking().SingleAsync(f => f.SurveyId == surveyId)).Opinion);
        }
        var again = await client.PageAsync(token);
        Assert.Equal(Link("Spent"), AnswerBrowser.Message(again));
        Assert.False(AnswerBrowser.HasForm(again));
    }

    [Fact]
    public async Task Post_MissingScore_ShowsTheItemsErrorKeepsTheAnswersAndSavesNothing()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var client = await factory.EnglishClientAsync();
        var page = await client.PageAsync(token);

        var html = await client.AnswerAsync(token, page, [5, null, 4, 4, 4, 4], comment: "电梯很干净");

        Assert.True(AnswerBrowser.HasForm(html));
        Assert.Equal([factory.Text<SurveyText>(Cultures.English, "ScoreRequired")], AnswerBrowser.ItemErrors(html));
        var names = AnswerBrowser.ScoreFields(html);
        Assert.Equal(new[] { 0, 2, 3, 4, 5 }.Select(i => names[i] + "=" + (i == 0 ? 5 : 4)), AnswerBrowser.CheckedScores(html));
        Assert.Contains(">电梯很干净</textarea>", html, StringComparison.Ordinal);
        AssertNothingStored(await StoredAsync(surveyId));
    }

    [Fact]
    public async Task Post_ScoreOfSeven_ShowsOutOfRangeAndSavesNothing()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var client = await factory.EnglishClientAsync();
        var page = await client.PageAsync(token);

        var html = await client.AnswerAsync(token, page, [5, 5, 7, 5, 5, 5]);

        Assert.True(AnswerBrowser.HasForm(html));
        Assert.Equal([factory.Text<SurveyText>(Cultures.English, "ScoreOutOfRange")], AnswerBrowser.ItemErrors(html));
        AssertNothingStored(await StoredAsync(surveyId));
    }

    [Fact]
    public async Task Post_SameFormTwice_SecondSaysAlreadyAnsweredAndSavesNothingMore()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var client = await factory.EnglishClientAsync();
        var page = await client.PageAsync(token);
        await client.AnswerAsync(token, page, [1, 5, 5, 5, 5, 5], comment: "保安不在岗");
        var first = await StoredAsync(surveyId);

        var html = await client.AnswerAsync(token, page, [5, 5, 5, 5, 5, 5], comment: "第二次");

        Assert.Equal(factory.Text<SurveyText>(Cultures.English, "AlreadyAnswered"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
        Assert.Equal((SurveyStatus.Answered, 6, 1, 1), (first.Status, first.Scores, first.Rectifications, first.FollowUps));
        Assert.Equal(first, await StoredAsync(surveyId));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal("保安不在岗", await db.Surveys.Where(s => s.Id == surveyId).Select(s => s.Comment).SingleAsync());
    }

    [Fact]
    public async Task Page_LinkForAnotherPurpose_ShowsWrongPurposeAndNoForm()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.PersonalLinks.Where(l => l.TokenHash == LinkTokens.Hash(token))
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Purpose, "payment"));
        }
        var client = await factory.EnglishClientAsync();
        var html = await client.PageAsync(token);
        Assert.Equal(Link("WrongPurpose"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
        Assert.DoesNotContain((await factory.FormAsync(surveyId)).Unit, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FormAlreadyTypedInFromPaper_SaysAlreadyAnsweredAndShowsNoForm()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var form = await factory.FormAsync(surveyId);
        await factory.AsAsync(PropertyHub.Features.Accounts.Roles.Clerk, async sp =>
        {
            var answer = new SurveyAnswer { Scores = form.Items.ToDictionary(i => i.Id, _ => (int?)4) };
            Assert.True((await sp.GetRequiredService<SurveyAnswers>().AnswerPaperAsync(surveyId, answer)).Ok);
        });
        var client = await factory.EnglishClientAsync();

        var html = await client.PageAsync(token);

        Assert.Equal(factory.Text<SurveyText>(Cultures.English, "AlreadyAnswered"), AnswerBrowser.Message(html));
        Assert.False(AnswerBrowser.HasForm(html));
    }

    [Fact]
    public async Task Post_TwoTabsSubmitAtOnce_OneAnswerIsSavedTheOtherSaysAlreadyAnswered()
    {
        var (token, surveyId) = await factory.TakeLinkAsync();
        var first = await factory.EnglishClientAsync();
        var second = await factory.EnglishClientAsync();
        var firstPage = await first.PageAsync(token);
        var secondPage = await second.PageAsync(token);

        var pages = await Task.WhenAll(
            first.AnswerAsync(token, firstPage, [1, 1, 1, 1, 1, 1]),
            second.AnswerAsync(token, secondPage, [2, 2, 2, 2, 2, 2]));

        Assert.Equal(
            new[] { factory.Text<AnswerText>(Cultures.English, "Thanks"), factory.Text<SurveyText>(Cultures.English, "AlreadyAnswered") }.Order(),
            pages.Select(AnswerBrowser.Message).Order());
        var stored = await StoredAsync(surveyId);
        Assert.Equal((SurveyStatus.Answered, 6, 6), (stored.Status, stored.Scores, stored.Rectifications));
    }
}

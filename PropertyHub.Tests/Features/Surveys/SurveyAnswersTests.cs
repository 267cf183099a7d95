using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys;

public sealed class SurveyAnswersTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private Survey survey = null!;
    private List<SurveyItem> items = null!;

    public async Task InitializeAsync()
    {
        await factory.IssueAsync();
        await using var db = await factory.DbAsync();
        survey = await db.Surveys.OrderBy(s => s.Id).FirstAsync();
        items = await db.SurveyItems.Where(i => i.TemplateId == survey.TemplateId).OrderBy(i => i.Order).ToListAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private SurveyAnswer Answer(params int[] scores) => new()
    {
        Scores = items.Zip(scores).ToDictionary(p => p.First.Id, p => (int?)p.Second),
    };

    private async Task<AnswerResult> OnlineAsync(SurveyAnswer answer)
    {
        await using var db = await factory.DbAsync();
        var token = await db.TokenOfAsync(factory.Services, survey.Id);
        await using var scope = factory.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<SurveyAnswers>().AnswerOnlineAsync(token, answer);
    }

    private async Task<AnswerResult> PaperAsync(string role, SurveyAnswer answer)
    {
        AnswerResult result = null!;
        await factory.AsAsync(role, async sp => result = await sp.GetRequiredService<SurveyAnswers>().AnswerPaperAsync(survey.Id, answer));
        return result;
    }

    [Fact]
    public async Task Online_AllScored_SavedAndLinkSpent()
    {
        var result = await OnlineAsync(Answer(5, 4, 4, 5, 3, 4));

        Assert.True(result.Ok);
        await using var db = await factory.DbAsync();
        var saved = await db.Surveys.Include(s => s.Scores).SingleAsync(s => s.Id == survey.Id);
        Assert.Equal((SurveyStatus.Answered, AnswerChannel.Online), (saved.Status, saved.AnsweredVia));
        Assert.Equal([5, 4, 4, 5, 3, 4], saved.Scores.OrderBy(s => items.FindIndex(i => i.Id == s.ItemId)).Select(s => s.Score));
        Assert.NotNull((await db.PersonalLinks.SingleAsync(l => l.SubjectId == survey.Id)).UsedAt);
        Assert.False(await db.Rectifications.AnyAsync());
        Assert.False(await db.FollowUps.AnyAsync());
    }

    [Fact]
    public async Task Answer_ScoresOneAndTwo_RectificationPerItemForItsDepartment()
    {
        var result = await PaperAsync(Roles.Clerk, Answer(1, 5, 2, 4, 4, 4));

        Assert.True(result.Ok);
        await using var db = await factory.DbAsync();
        var rectifications = await db.Rectifications.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(items[0].Id, 1, items[0].Department), (items[2].Id, 2, items[2].Department)],
            rectifications.Select(r => (r.ItemId, r.Score, r.Department)));
        Assert.All(rectifications, r => Assert.Equal(RectificationStatus.Open, r.Status));
        // Fourteen days from the answer's date in Shanghai.
        Assert.All(rectifications, r => Assert.Equal(DateOnly.FromDateTime(r.CreatedAt.UtcDateTime.AddHours(8)).AddDays(14), r.DueDate));
        var scores = await db.SurveyScores.Where(s => s.SurveyId == survey.Id).ToListAsync();
        Assert.All(rectifications, r => Assert.Equal(r.Score, scores.Single(s => s.Id == r.SurveyScoreId).Score));
    }

    [Fact]
    public async Task Answer_WithSuggestion_FollowUpWithTheOccupantsWords()
    {
        var answer = Answer(4, 4, 4, 4, 4, 4);
        answer.Suggestion = "  建议增加夜间巡逻。 ";
        answer.Comment = "保安态度很好。";

        await PaperAsync(Roles.Clerk, answer);

        await using var db = await factory.DbAsync();
        var followUp = await db.FollowUps.SingleAsync();
        Assert.Equal((survey.Id, survey.OccupantId, FollowUpStatus.Open), (followUp.SurveyId, followUp.OccupantId, followUp.Status));
        Assert.Equal("建议增加夜间巡逻。\n保安态度很好。", followUp.Opinion);
        var saved = await db.Surveys.SingleAsync(s => s.Id == survey.Id);
        Assert.Equal((AnswerChannel.Paper, "建议增加夜间巡逻。"), (saved.AnsweredVia, saved.Suggestion));
        Assert.NotNull(saved.EnteredBy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public async Task Answer_ScoreOutOfRange_RefusedNothingSaved(int bad)
    {
        var result = await OnlineAsync(Answer(5, bad, 5, 5, 5, 5));

        Assert.Equal("ScoreOutOfRange", result.ItemErrors[items[1].Id]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Answer_ItemMissing_RefusedNothingSaved()
    {
        var answer = Answer(5, 5, 5, 5, 5);

        var result = await OnlineAsync(answer);

        Assert.Equal("ScoreRequired", result.ItemErrors[items[5].Id]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Answer_TextTooLong_RefusedNothingSaved()
    {
        var answer = Answer(1, 1, 1, 1, 1, 1);
        answer.Comment = new string('很', 1001);

        var result = await PaperAsync(Roles.Clerk, answer);

        Assert.Equal("TextTooLong", result.Error);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Answer_Twice_FirstCountsSecondRefused()
    {
        var first = await PaperAsync(Roles.Clerk, Answer(1, 1, 1, 1, 1, 1));
        var second = await PaperAsync(Roles.Clerk, Answer(5, 5, 5, 5, 5, 5));

        Assert.True(first.Ok);
        Assert.Equal("AlreadyAnswered", second.Error);
        await using var db = await factory.DbAsync();
        Assert.All(await db.SurveyScores.ToListAsync(), s => Assert.Equal(1, s.Score));
        Assert.Equal(6, await db.Rectifications.CountAsync());
    }

    [Fact]
    public async Task Answer_SubmittedTwiceAtOnce_OneAnswerOnly()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OnlineAsync(Answer(2, 3, 3, 3, 3, 3))));

        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Contains(r.Error, new[] { "AlreadyAnswered", "Link_Spent" }));
        await using var db = await factory.DbAsync();
        Assert.Equal(6, await db.SurveyScores.CountAsync());
        Assert.Equal(1, await db.Rectifications.CountAsync());
    }

    [Fact]
    public async Task Online_AfterAnswering_LinkSpent()
    {
        await OnlineAsync(Answer(4, 4, 4, 4, 4, 4));

        var again = await OnlineAsync(Answer(1, 1, 1, 1, 1, 1));

        Assert.Equal("Link_Spent", again.Error);
    }

    [Fact]
    public async Task Paper_ByEngineer_Refused()
    {
        var result = await PaperAsync(Roles.Engineer, Answer(4, 4, 4, 4, 4, 4));

        Assert.Equal("NotAllowed", result.Error);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Online_ForgedExpiredRevokedOrOtherPurpose_Refused()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        var answers = scope.ServiceProvider.GetRequiredService<SurveyAnswers>();
        await using var office = factory.Services.CreateAsyncScope();
        var links = office.ServiceProvider.GetRequiredService<PersonalLinkService>();
        await using var db = await factory.DbAsync();
        var token = await db.TokenOfAsync(factory.Services, survey.Id);
        var forged = LinkTokens.NewToken();

        Assert.Equal("Link_Unknown", (await answers.AnswerOnlineAsync(forged, Answer(5, 5, 5, 5, 5, 5))).Error);
        Assert.Equal("Link_Unknown", (await answers.AnswerOnlineAsync("../../etc/passwd", Answer(5, 5, 5, 5, 5, 5))).Error);
        await db.PersonalLinks.Where(l => l.SubjectId == survey.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Purpose, "payment"));
        Assert.Equal("Link_WrongPurpose", (await answers.AnswerOnlineAsync(token, Answer(5, 5, 5, 5, 5, 5))).Error);
        await db.PersonalLinks.Where(l => l.SubjectId == survey.Id).ExecuteUpdateAsync(l => l
            .SetProperty(x => x.Purpose, LinkPurpose.Survey).SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal("Link_Expired", (await answers.AnswerOnlineAsync(token, Answer(5, 5, 5, 5, 5, 5))).Error);
        await db.PersonalLinks.Where(l => l.SubjectId == survey.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(1, await links.RevokeAsync(LinkPurpose.Survey, survey.Id, "supervisor@demo.local"));
        Assert.Equal("Link_Revoked", (await answers.AnswerOnlineAsync(token, Answer(5, 5, 5, 5, 5, 5))).Error);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Tokens_AreUniqueAndOnlyTheirHashIsStored()
    {
        await using var db = await factory.DbAsync();
        var hashes = await db.PersonalLinks.Select(l => l.TokenHash).ToListAsync();
        var token = await db.TokenOfAsync(factory.Services, survey.Id);

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
        Assert.DoesNotContain(token, hashes);
        Assert.Contains(LinkTokens.Hash(token), hashes);
        Assert.Equal(32, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token).Length);
    }

    private async Task AssertNothingSavedAsync()
    {
        await using var db = await factory.DbAsync();
        var row = await db.Surveys.SingleAsync(s => s.Id == survey.Id);
        Assert.Equal(SurveyStatus.Issued, row.Status);
        Assert.False(await db.SurveyScores.AnyAsync());
        Assert.False(await db.Rectifications.AnyAsync());
        Assert.False(await db.FollowUps.AnyAsync());
        Assert.Null((await db.PersonalLinks.SingleAsync(l => l.SubjectId == survey.Id)).UsedAt);
    }
}

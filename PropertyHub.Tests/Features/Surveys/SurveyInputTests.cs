using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys;

/// <summary>Paper forms typed in: the unit as people type it (full-width digits too), comments without invisible characters.</summary>
public sealed class SurveyInputTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private Survey survey = null!;
    private string unit = "";
    private List<SurveyItem> items = null!;

    public async Task InitializeAsync()
    {
        await factory.IssueAsync();
        await using var db = await factory.DbAsync();
        survey = await db.Surveys.OrderBy(s => s.Id).FirstAsync();
        unit = await db.Units.Where(u => u.Id == survey.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync();
        items = await db.SurveyItems.Where(i => i.TemplateId == survey.TemplateId).OrderBy(i => i.Order).ToListAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '-' ? '－' : c));

    private async Task<(SurveyForm? Form, string? Error)> FindAsync(string typed)
    {
        (SurveyForm?, string?) found = default;
        await factory.AsAsync(Roles.Clerk, async sp => found = await sp.GetRequiredService<SurveyAnswers>().FindForPaperAsync(typed, survey.Quarter, "en"));
        return found;
    }

    [Fact]
    public async Task FindForPaper_FullWidthUnit_FindsTheForm()
    {
        var (form, error) = await FindAsync("\u200B" + FullWidth(unit));

        Assert.Null(error);
        Assert.Equal(survey.Id, form?.SurveyId);
    }

    [Fact]
    public async Task FindForPaper_ArabicIndicUnit_SaysToUseTheDigitsZeroToNine()
    {
        var arabic = string.Concat(unit.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '\u0660') : c));

        var (form, error) = await FindAsync(arabic);

        Assert.Null(form);
        Assert.Equal("UnitDigitsNotAscii", error);
    }

    [Fact]
    public async Task PaperAnswer_BidiAndZeroWidthInComments_AreStoredWithoutThem()
    {
        var answer = new SurveyAnswer
        {
            Scores = items.ToDictionary(i => i.Id, _ => (int?)4),
            Comment = "\u202Eevil\u202C 保安\u200B很好",
            Suggestion = "\u200B\u2066",
        };

        AnswerResult result = null!;
        await factory.AsAsync(Roles.Clerk, async sp => result = await sp.GetRequiredService<SurveyAnswers>().AnswerPaperAsync(survey.Id, answer));

        Assert.True(result.Ok);
        await using var db = await factory.DbAsync();
        var saved = await db.Surveys.SingleAsync(s => s.Id == survey.Id);
        Assert.Equal(("evil 保安很好", (string?)null), (saved.Comment, saved.Suggestion));
        Assert.Equal("evil 保安很好", (await db.FollowUps.SingleAsync(f => f.SurveyId == survey.Id)).Opinion);
    }
}

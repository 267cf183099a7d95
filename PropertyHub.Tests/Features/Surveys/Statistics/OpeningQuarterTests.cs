using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Statistics;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The statistics open on the quarter that has answers, not on a current quarter whose forms just went out.</summary>
public sealed class OpeningQuarterTests : IAsyncLifetime
{
    private readonly SurveyStatsFactory factory = new();
    private int estateId;

    public async Task InitializeAsync()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var issuer = sp.GetRequiredService<SurveyIssuer>();
            await issuer.IssueAsync(SurveyStatsApp.Q3, default);
            await issuer.IssueAsync(SurveyStatsApp.Q4, default);
        });
        await using var db = await factory.CreateDbContextAsync();
        estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<SurveyQuarter> OpeningAsync()
    {
        SurveyQuarter opening = default;
        await factory.WithScopeAsync(async sp => opening = await sp.GetRequiredService<SurveyStatistics>().OpeningQuarterAsync(estateId));
        return opening;
    }

    private async Task AnswerOneAsync(SurveyQuarter quarter)
    {
        await using var db = await factory.CreateDbContextAsync();
        var form = await db.Surveys.FirstAsync(s => s.EstateId == estateId && s.Quarter == quarter.ToString());
        form.AnsweredAt = SurveyStatsFactory.Now;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Opening_NoAnswersAnywhere_TheCurrentQuarter() => Assert.Equal(SurveyStatsApp.Q4, await OpeningAsync());

    [Fact]
    public async Task Opening_AnswersOnlyInThePreviousQuarter_ThatQuarter()
    {
        await AnswerOneAsync(SurveyStatsApp.Q3);

        Assert.Equal(SurveyStatsApp.Q3, await OpeningAsync());
    }

    [Fact]
    public async Task Opening_TheCurrentQuarterHasAnswersToo_TheCurrentQuarter()
    {
        await AnswerOneAsync(SurveyStatsApp.Q3);
        await AnswerOneAsync(SurveyStatsApp.Q4);

        Assert.Equal(SurveyStatsApp.Q4, await OpeningAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Statistics;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

public sealed class DemoSurveysTests
{
    [Fact]
    public async Task DemoSurveys_FirstStart_FourPastQuartersAnsweredWithTheirRectificationsAndFollowUps()
    {
        await using var factory = new AppFactory();
        factory.Settings["Seed:DemoContacts"] = "true";
        _ = factory.NewClient();
        var current = SurveyQuarter.Of(factory.Services.GetRequiredService<EstateTime>().Today());
        var expected = current.Previous.Trailing(4).Select(q => q.ToString()).ToList();

        await using var db = await factory.CreateDbContextAsync();
        var byQuarter = await db.Surveys.GroupBy(s => s.Quarter)
            .Select(g => new { g.Key, Issued = g.Count(), Answered = g.Count(s => s.Status == SurveyStatus.Answered) }).ToListAsync();
        Assert.Equal(expected, byQuarter.Select(q => q.Key).Order());
        Assert.All(byQuarter, q => Assert.InRange((double)q.Answered / q.Issued, 0.55, 0.85));
        var scores = await db.SurveyScores.Select(s => s.Score).ToListAsync();
        Assert.True(scores.Count(s => s >= 4) > scores.Count * 0.7, "Most scores are 4 or 5");
        var low = scores.Count(s => s <= 2);
        Assert.InRange(low, 1, scores.Count / 10);
        Assert.Equal(low, await db.Rectifications.CountAsync());
        Assert.True(await db.Rectifications.CountAsync(r => r.Status == RectificationStatus.SignedOff) > low / 2);
        var withOpinion = await db.Surveys.CountAsync(s => s.Comment != null || s.Suggestion != null);
        Assert.True(withOpinion > 0);
        Assert.Equal(withOpinion, await db.FollowUps.CountAsync());
        Assert.True(await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Done) > withOpinion / 2);
        Assert.Equal(0, await db.Surveys.CountAsync(s => s.Status == SurveyStatus.Answered && (s.AnsweredAt == null || s.Scores.Count != 6)));

        // The statistics page's trend has something to draw.
        SurveyStats? stats = null;
        await factory.WithScopeAsync(async sp =>
        {
            var statistics = sp.GetRequiredService<SurveyStatistics>();
            var estate = (await statistics.EstatesAsync())[0].Id;
            stats = await statistics.ComputeAsync(estate, current, "en");
        });
        Assert.Equal(4, stats!.Trend.Quarters.Count(q => q.Answered > 0 && q.ShareSatisfied > 0.5));
    }

    [Fact]
    public async Task DemoSurveys_SecondStart_AddsNothing()
    {
        await using var factory = new AppFactory();
        factory.Settings["Seed:DemoContacts"] = "true";
        _ = factory.NewClient();
        await using var db = await factory.CreateDbContextAsync();
        var before = await db.Surveys.CountAsync();

        await factory.WithScopeAsync(sp => sp.GetRequiredService<DemoSurveys>().SeedAsync());

        Assert.Equal(before, await db.Surveys.CountAsync());
    }

    [Fact]
    public async Task DemoSurveys_TestsStartEmpty()
    {
        await using var factory = new AppFactory();
        _ = factory.NewClient();

        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.Surveys.AnyAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Statistics;
using static PropertyHub.Tests.Features.Surveys.Statistics.SurveyStatsApp;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The statistics of a known set of answers (see <see cref="SurveyStatsApp"/>).</summary>
[Collection(SurveyStatsCollection.Name)]
public sealed class SurveyStatisticsTests(SurveyStatsApp app)
{
    [Fact]
    public async Task Compute_Quarter_CountsIssuedAnsweredAndResponseRate()
    {
        var stats = await app.ComputeAsync(Q4);

        Assert.Equal(app.Occupied, stats.Issued);
        Assert.Equal(3, stats.Answered);
        Assert.Equal(1, stats.AnsweredOnline);
        Assert.Equal(2, stats.AnsweredPaper);
        Assert.Equal(3.0 / app.Occupied, stats.ResponseRate, 10);
        Assert.Equal(3.67m, stats.AverageScore);
        Assert.Equal(10.0 / 18, stats.ShareSatisfied, 10);
    }

    [Fact]
    public async Task Compute_Quarter_AveragesAndSharesPerItemSplitByChannel()
    {
        var stats = await app.ComputeAsync(Q4);

        Assert.Equal(["reception", "security", "cleaning", "greening", "repairs", "fees"], stats.Items.Select(i => i.Code));
        var reception = stats.Items.Single(i => i.Code == "reception");
        Assert.Equal("Reception", reception.Name);
        Assert.Equal((3, 1, 2), (reception.Answers, reception.Online, reception.Paper));
        Assert.Equal(4.00m, reception.AverageScore);
        Assert.Equal(2.0 / 3, reception.ShareSatisfied, 10);
        Assert.Equal(0, reception.Dissatisfied);
        var repairs = stats.Items.Single(i => i.Code == "repairs");
        Assert.Equal(3.00m, repairs.AverageScore);
        Assert.Equal(1.0 / 3, repairs.ShareSatisfied, 10);
        Assert.Equal(1, repairs.Dissatisfied);
        var fees = stats.Items.Single(i => i.Code == "fees");
        Assert.Equal(3.00m, fees.AverageScore);
        Assert.Equal(1, fees.Dissatisfied);
    }

    [Fact]
    public async Task Compute_Quarter_ItemNamesInTheUsersCulture()
    {
        var stats = await app.ComputeAsync(Q4, "zh-Hant");

        Assert.Equal("收費透明", stats.Items.Single(i => i.Code == "fees").Name);
        Assert.Contains(stats.Dissatisfied, d => d.Item == "維修服務");
    }

    [Fact]
    public async Task Compute_Quarter_ResponseRateAverageAndShareSatisfiedPerBuilding()
    {
        var stats = await app.ComputeAsync(Q4);

        Assert.Equal(["1", "2", "3"], stats.Buildings.Select(b => b.Code));
        var one = stats.Buildings.Single(b => b.Code == "1");
        Assert.Equal((app.OccupiedBuilding1, 2), (one.Issued, one.Answered));
        Assert.Equal(2.0 / app.OccupiedBuilding1, one.ResponseRate, 10);
        Assert.Equal(4.00m, one.AverageScore);
        Assert.Equal(10.0 / 12, one.ShareSatisfied, 10);
        var two = stats.Buildings.Single(b => b.Code == "2");
        Assert.Equal((app.OccupiedBuilding2, 1), (two.Issued, two.Answered));
        Assert.Equal(3.00m, two.AverageScore);
        Assert.Equal(0, two.ShareSatisfied);
        var three = stats.Buildings.Single(b => b.Code == "3");
        Assert.Equal(0, three.Answered);
        Assert.Equal(0, three.ResponseRate);
        Assert.Equal(0m, three.AverageScore);
        Assert.Equal(0, three.ShareSatisfied);
    }

    [Fact]
    public async Task Compute_Trend_EightQuartersWithTheTwoAnsweredOnes()
    {
        var stats = await app.ComputeAsync(Q4);

        Assert.Equal(Q4.Trailing(8), stats.Trend.Quarters.Select(q => q.Quarter));
        var q3 = stats.Trend.Quarters.Single(q => q.Quarter == Q3);
        var q4 = stats.Trend.Quarters.Single(q => q.Quarter == Q4);
        Assert.Equal((app.Occupied, 1), (q3.Issued, q3.Answered));
        Assert.Equal(1.0, q3.ShareSatisfied);
        Assert.Equal((app.Occupied, 3), (q4.Issued, q4.Answered));
        Assert.Equal(3.0 / app.Occupied, q4.ResponseRate, 10);
        Assert.Equal(10.0 / 18, q4.ShareSatisfied, 10);
        var fees = stats.Trend.Items.Single(i => i.Code == "fees").ItemId;
        Assert.Equal(1.0, q3.ShareSatisfiedOf(fees));
        Assert.Equal(1.0 / 3, q4.ShareSatisfiedOf(fees), 10);
        Assert.All(stats.Trend.Quarters.Where(q => q.Quarter.CompareTo(Q3) < 0), q =>
            Assert.Equal((0, 0, 0.0, 0.0, 0.0), (q.Issued, q.Answered, q.ResponseRate, q.ShareSatisfied, q.ShareSatisfiedOf(fees))));
    }

    [Fact]
    public async Task Compute_Quarter_ListsTheDissatisfiedAnswersWithTheirRectification()
    {
        var stats = await app.ComputeAsync(Q4);

        Assert.Equal(2, stats.Dissatisfied.Count);
        var a = stats.Dissatisfied.Single(d => d.Unit == app.UnitA);
        Assert.Equal(("2026-Q4", "Repairs", 2, "电梯坏了三天", null), (a.Quarter, a.Item, a.Score, a.Comment, a.Suggestion));
        Assert.Equal(RectificationStatus.Open, a.Rectification);
        Assert.Equal(AnswerChannel.Online, a.AnsweredVia);
        // Answered at 02:00 UTC: 10:00 on the estate's clock.
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8)), a.AnsweredAt);
        Assert.Equal(TimeSpan.FromHours(8), a.AnsweredAt!.Value.Offset);
        var b = stats.Dissatisfied.Single(d => d.Unit == app.UnitB);
        Assert.Equal(("Fee transparency", 1, "物业费明细请公示"), (b.Item, b.Score, b.Suggestion));
        Assert.Equal(RectificationStatus.Done, b.Rectification);
        Assert.DoesNotContain(stats.Dissatisfied, d => d.Unit == app.UnitC);
    }

    [Fact]
    public async Task Compute_EmptyQuarter_GivesZeros()
    {
        var stats = await app.ComputeAsync(SurveyQuarter.Parse("2026-Q1"));

        Assert.Equal((0, 0, 0.0, 0m, 0.0), (stats.Issued, stats.Answered, stats.ResponseRate, stats.AverageScore, stats.ShareSatisfied));
        Assert.Equal(6, stats.Items.Count);
        Assert.All(stats.Items, i => Assert.Equal((0, 0m, 0.0), (i.Answers, i.AverageScore, i.ShareSatisfied)));
        Assert.All(stats.Buildings, b => Assert.Equal((0, 0.0, 0m, 0.0), (b.Issued, b.ResponseRate, b.AverageScore, b.ShareSatisfied)));
        Assert.Empty(stats.Dissatisfied);
        Assert.All(stats.Trend.Quarters, q => Assert.Equal((0, 0.0, 0.0), (q.Issued, q.ResponseRate, q.ShareSatisfied)));
    }

    [Fact]
    public async Task CurrentQuarter_FirstNightOfTheQuarterInShanghai_IsTheNewQuarterThoughUtcIsNot()
    {
        SurveyQuarter? quarter = null;
        await app.Factory.WithScopeAsync(sp =>
        {
            // 1 October 2026, 01:00 in Shanghai is still 30 September in UTC.
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero));
            quarter = new SurveyStatistics(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<EstateTime>(), clock).CurrentQuarter(app.EstateId);
            return Task.CompletedTask;
        });

        Assert.Equal(Q4, quarter);
    }
}

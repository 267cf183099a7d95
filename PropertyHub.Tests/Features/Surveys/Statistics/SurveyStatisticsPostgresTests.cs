using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Statistics;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The grouped statistics queries and the demo answers on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SurveyStatisticsPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Compute_DemoAnswersOnPostgres_AgreeWithTheRows()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("stats_" + Guid.NewGuid().ToString("N")[..8]),
        };
        factory.Settings["Seed:DemoContacts"] = "true";
        _ = factory.NewClient();

        SurveyStats? stats = null;
        int estateId = 0;
        await factory.WithScopeAsync(async sp =>
        {
            var statistics = sp.GetRequiredService<SurveyStatistics>();
            estateId = (await statistics.EstatesAsync())[0].Id;
            stats = await statistics.ComputeAsync(estateId, statistics.CurrentQuarter(estateId).Previous, "en");
        });

        await using var db = await factory.CreateDbContextAsync();
        var quarter = stats!.Quarter.ToString();
        var forms = db.Surveys.Where(s => s.EstateId == estateId && s.Quarter == quarter);
        Assert.Equal(await forms.CountAsync(), stats.Issued);
        Assert.Equal(await forms.CountAsync(s => s.Status == SurveyStatus.Answered), stats.Answered);
        var scores = await forms.SelectMany(s => s.Scores).Select(s => s.Score).ToListAsync();
        Assert.Equal(scores.Count, stats.Scores);
        Assert.Equal(Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero), stats.AverageScore);
        Assert.Equal((double)scores.Count(s => s >= 4) / scores.Count, stats.ShareSatisfied, 10);
        Assert.Equal(scores.Count(s => s <= 2), stats.Dissatisfied.Count);
        Assert.All(stats.Dissatisfied, d => Assert.NotNull(d.Rectification));
        Assert.Equal(stats.Answered, stats.Buildings.Sum(b => b.Answered));
        Assert.Equal(4, stats.Trend.Quarters.Count(q => q.Answered > 0));
    }
}

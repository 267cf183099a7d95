using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Statistics;

namespace PropertyHub.Tests.Features.Surveys.Statistics;

/// <summary>The app with its clock stopped at Monday 16 November 2026, 10:00 in Shanghai (02:00 UTC): quarter 2026-Q4.</summary>
public sealed class SurveyStatsFactory : AppFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Forms issued to every occupied unit for 2026-Q3 and 2026-Q4, and a known handful answered on paper by the clerk:
/// in Q4 units A and B of building 1 and unit C of building 2 (A's answer marked as online), in Q3 unit A only.
/// Scores in item order (reception, security, cleaning, greening, repairs, fees):
/// A [5,5,5,5,2,5] with a comment, B [4,4,4,4,4,1] with a suggestion (its rectification marked done), C [3,3,3,3,3,3]; Q3 A all 5.
/// </summary>
public sealed class SurveyStatsApp : IAsyncLifetime
{
    public static readonly SurveyQuarter Q3 = SurveyQuarter.Parse("2026-Q3");
    public static readonly SurveyQuarter Q4 = SurveyQuarter.Parse("2026-Q4");

    public SurveyStatsFactory Factory { get; } = new();
    public int EstateId { get; private set; }
    /// <summary>Occupied units of the estate, so forms issued per quarter.</summary>
    public int Occupied { get; private set; }
    public int OccupiedBuilding1 { get; private set; }
    public int OccupiedBuilding2 { get; private set; }
    public string UnitA { get; private set; } = "";
    public string UnitB { get; private set; } = "";
    public string UnitC { get; private set; } = "";
    public List<SurveyItem> Items { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Factory.WithScopeAsync(async sp =>
        {
            var issuer = sp.GetRequiredService<SurveyIssuer>();
            await issuer.IssueAsync(Q3, default);
            await issuer.IssueAsync(Q4, default);
        });
        await using var db = await Factory.CreateDbContextAsync();
        EstateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var occupied = await db.Units.Where(u => u.Building!.EstateId == EstateId && u.Occupants.Any())
            .GroupBy(u => u.Building!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Occupied = occupied.Sum(o => o.Count);
        OccupiedBuilding1 = occupied.Single(o => o.Key == "1").Count;
        OccupiedBuilding2 = occupied.Single(o => o.Key == "2").Count;
        Items = await db.SurveyItems.Where(i => !i.IsArchived).OrderBy(i => i.Order).ToListAsync();

        var forms = await db.Surveys.Where(s => s.EstateId == EstateId)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, s.Quarter, s.UnitId, u.Building!.Code, u.Number })
            .OrderBy(x => x.UnitId).ToListAsync();
        var q4 = forms.Where(f => f.Quarter == Q4.ToString()).ToList();
        var a = q4.Where(f => f.Code == "1").ElementAt(0);
        var b = q4.Where(f => f.Code == "1").ElementAt(1);
        var c = q4.First(f => f.Code == "2");
        var a3 = forms.Single(f => f.Quarter == Q3.ToString() && f.UnitId == a.UnitId);
        (UnitA, UnitB, UnitC) = ($"1-{a.Number}", $"1-{b.Number}", $"2-{c.Number}");

        await AnswerAsync(a.Id, [5, 5, 5, 5, 2, 5], comment: "电梯坏了三天");
        await AnswerAsync(b.Id, [4, 4, 4, 4, 4, 1], suggestion: "物业费明细请公示");
        await AnswerAsync(c.Id, [3, 3, 3, 3, 3, 3]);
        await AnswerAsync(a3.Id, [5, 5, 5, 5, 5, 5]);

        // A came back through the personal link; B's fee rectification is done and waits for sign-off.
        await db.Surveys.Where(s => s.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AnsweredVia, AnswerChannel.Online).SetProperty(x => x.EnteredBy, (string?)null));
        await db.Rectifications.Where(r => r.SurveyId == b.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, RectificationStatus.Done));
    }

    private async Task AnswerAsync(int surveyId, int[] scores, string? comment = null, string? suggestion = null)
    {
        var answer = new SurveyAnswer
        {
            Scores = Items.Zip(scores).ToDictionary(p => p.First.Id, p => (int?)p.Second),
            Comment = comment,
            Suggestion = suggestion,
        };
        AnswerResult? result = null;
        await Factory.AsAsync(Roles.Clerk, async sp => result = await sp.GetRequiredService<SurveyAnswers>().AnswerPaperAsync(surveyId, answer));
        if (result is not { Ok: true })
            throw new InvalidOperationException($"Answer refused: {result?.Error}");
    }

    public async Task<SurveyStats> ComputeAsync(SurveyQuarter quarter, string culture = "en")
    {
        SurveyStats? stats = null;
        await Factory.WithScopeAsync(async sp => stats = await sp.GetRequiredService<SurveyStatistics>().ComputeAsync(EstateId, quarter, culture));
        return stats!;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SurveyStatsCollection : ICollectionFixture<SurveyStatsApp>
{
    public const string Name = "Survey statistics";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys;

/// <summary>Issuing forms and reading what was issued, for the survey tests.</summary>
public static class SurveyTesting
{
    public static readonly SurveyQuarter Quarter = SurveyQuarter.Parse("2026-Q4");

    public static async Task<int> IssueAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, SurveyQuarter? quarter = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyIssuer>().IssueAsync(quarter ?? Quarter, CancellationToken.None);
    }

    public static async Task<AppDbContext> DbAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>Units with at least one occupant: the ones that must get a form.</summary>
    public static Task<int> OccupiedUnitsAsync(this AppDbContext db) => db.Units.CountAsync(u => u.Occupants.Any());

    /// <summary>The token of a survey's personal link, read from the notice that carries it.</summary>
    public static async Task<string> TokenOfAsync(this AppDbContext db, IServiceProvider services, int surveyId)
    {
        var survey = await db.Surveys.SingleAsync(s => s.Id == surveyId);
        var link = await db.Notices.Where(n => n.Kind == SurveyNotices.Kind && n.SourceKey == SurveyNotices.SourceKey(survey.Quarter, survey.UnitId))
            .Select(n => n.SealedLink).FirstAsync();
        var url = services.OpenLink(link)!;
        return url[(url.LastIndexOf('/') + 1)..];
    }
}

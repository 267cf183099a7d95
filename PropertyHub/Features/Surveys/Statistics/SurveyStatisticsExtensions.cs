using PropertyHub.Features.Accounts.Access;
using Microsoft.AspNetCore.Authorization;

namespace PropertyHub.Features.Surveys.Statistics;

/// <summary>The survey's statistics (P1§11.2): the page, its workbook export and the demo answers.</summary>
public static class SurveyStatisticsExtensions
{
    public static WebApplicationBuilder AddSurveyStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SurveyStatistics>();
        builder.Services.AddScoped<SurveyStatisticsExport>();
        builder.Services.AddScoped<DemoSurveys>();
        return builder;
    }

    public static WebApplication MapSurveyStatistics(this WebApplication app)
    {
        app.MapGet(SurveyStatisticsExport.Path, async (int? estate, string? quarter, SurveyStatistics statistics, SurveyStatisticsExport export, CancellationToken ct) =>
        {
            var estates = await statistics.EstatesAsync(ct);
            var estateId = estate ?? estates.FirstOrDefault()?.Id;
            if (estateId is null || estates.All(e => e.Id != estateId))
                return Results.NotFound();
            SurveyQuarter period;
            if (quarter is null)
                period = statistics.CurrentQuarter(estateId.Value);
            else if (!SurveyQuarter.TryParse(quarter, out period))
                return Results.BadRequest();
            var bytes = await export.ExportAsync(estateId.Value, period, ct);
            return Results.File(bytes, SurveyStatisticsExport.ContentType, $"survey-statistics-{period}.xlsx");
        }).RequireAuthorization(Can.SeeSurveyStatistics);
        return app;
    }
}

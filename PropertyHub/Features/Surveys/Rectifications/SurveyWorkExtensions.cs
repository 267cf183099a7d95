using PropertyHub.Features.Surveys.FollowUps;

namespace PropertyHub.Features.Surveys.Rectifications;

public static class SurveyWorkExtensions
{
    /// <summary>The work after the survey: rectifications and follow-ups.</summary>
    public static WebApplicationBuilder AddSurveyWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RectificationService>();
        builder.Services.AddScoped<FollowUpService>();
        builder.Services.AddScoped<UnitSurveys>();
        return builder;
    }
}

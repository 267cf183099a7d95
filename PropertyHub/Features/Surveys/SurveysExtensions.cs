using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys.Templates;

namespace PropertyHub.Features.Surveys;

public static class SurveysExtensions
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.Cron, out _), "Surveys:Cron is not a valid cron expression.").ValidateOnStart();
        services.AddScoped<StandardSurveyTemplate>();
        services.AddScoped<SurveyNotices>();
        services.AddScoped<SurveyAnswers>();
        services.AddScoped<SurveyIssuer>();
        services.AddScoped<SurveyTemplateService>();
        services.AddSingleton<IScheduledDuty, QuarterlySurveyDuty>();
        services.AddSingleton(new DutyDescription(QuarterlySurveyDuty.DutyName, _ => []));
        return builder;
    }
}

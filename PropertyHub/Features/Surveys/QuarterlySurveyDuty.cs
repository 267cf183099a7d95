using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Surveys;

/// <summary>The quarterly duty (P1§11.1): on the first day of each quarter the forms go out by themselves.</summary>
public sealed class QuarterlySurveyDuty(IServiceScopeFactory scopes, IOptions<SurveyOptions> options) : IScheduledDuty
{
    public const string DutyName = "evaluation-survey";

    public string Name => DutyName;

    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => SurveyQuarter.Of(localOccurrence).ToString();

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse(period), cancellationToken);
    }
}

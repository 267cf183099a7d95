using Microsoft.Extensions.Options;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fund.Disclosures;

/// <summary>
/// The fund's semiannual duty (P1§8.5): when the fee statements are drafted (<see cref="DisclosureOptions.Cron"/>,
/// 1 January and 1 July), each fund account's statement of the half-year just ended is drafted; once per half-year,
/// caught up after downtime by the runner like every duty.
/// </summary>
public sealed class FundDisclosureDuty(IServiceScopeFactory scopes, IOptions<DisclosureOptions> options) : IScheduledDuty
{
    public const string DutyName = "fund-disclosure";

    public string Name => DutyName;

    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => HalfYear.JustEnded(localOccurrence).ToString();

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FundDisclosureDrafter>().DraftAsync(HalfYear.Parse(period), cancellationToken);
    }
}

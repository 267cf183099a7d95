using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>The semiannual duty (P1§7.6): on 1 January and 1 July each estate's statement of the half-year just ended is drafted.</summary>
public sealed class DisclosureDuty(IServiceScopeFactory scopes, IOptions<DisclosureOptions> options) : IScheduledDuty
{
    public const string DutyName = "semiannual-disclosure";

    public string Name => DutyName;

    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => HalfYear.JustEnded(localOccurrence).ToString();

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse(period), cancellationToken);
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// On <see cref="FundOptions.ReconciliationOpensOnDay"/> of each month (07:00 estate time) the previous month's
/// reconciliation is opened for every fund account, which puts it before Finance on the dashboard, and each active
/// Finance user is sent an e-mail through the outbox (<see cref="ReconciliationNotices"/>); once per month,
/// however many instances run it or however late after downtime (the runner's claim and the months' unique key).
/// </summary>
public sealed class ReconciliationDuty(IServiceScopeFactory scopes, IOptions<FundOptions> options) : IScheduledDuty
{
    public const string DutyName = "fund-reconciliation";

    public string Name => DutyName;

    public string Cron => $"0 7 {options.Value.ReconciliationOpensOnDay} * *";

    /// <summary>The month to reconcile: the one before the occurrence's, e.g. "2026-03" for 5 April.</summary>
    public string PeriodOf(DateTime localOccurrence) =>
        new DateOnly(localOccurrence.Year, localOccurrence.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<ReconciliationDuties>().OpenMonthAsync(month, cancellationToken);
    }
}

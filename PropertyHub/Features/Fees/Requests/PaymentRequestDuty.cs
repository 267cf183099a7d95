using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>The monthly duty (P1§7.3): on the 15th the payment requests go out by themselves, due on the 20th.</summary>
public sealed class PaymentRequestDuty(IServiceScopeFactory scopes, IOptions<PaymentRequestOptions> options) : IScheduledDuty
{
    public const string DutyName = "payment-requests";

    public string Name => DutyName;

    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => BillingMonth.Period(BillingMonth.FirstDay(DateOnly.FromDateTime(localOccurrence)));

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(BillingMonth.Parse(period), cancellationToken);
    }
}

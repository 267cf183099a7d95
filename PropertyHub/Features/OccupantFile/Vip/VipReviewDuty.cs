using System.Globalization;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>Every morning at 08:00 (estate time) the manager is reminded of the VIP reviews due, each review once.</summary>
public sealed class VipReviewDuty(IServiceScopeFactory scopes) : IScheduledDuty
{
    public const string DutyName = "vip-review";

    public string Name => DutyName;

    public string Cron => "0 8 * * *";

    public string PeriodOf(DateTime localOccurrence) => DateOnly.FromDateTime(localOccurrence).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var day = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<VipReviewReminders>().RemindAsync(day, cancellationToken);
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fees.Collection;

/// <summary>
/// The monthly collection duty (P1§7.3): requests go out on the 15th and are due on the 20th; on the 21st every
/// request still unpaid (this month's and older arrears) gets a door-to-door collection task.
/// </summary>
public sealed class CollectionDuty(IServiceScopeFactory scopes, IOptions<CollectionOptions> options) : IScheduledDuty
{
    public const string DutyName = "door-to-door-collection";
    public const string PeriodFormat = "yyyy-MM";

    public string Name => DutyName;

    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => localOccurrence.ToString(PeriodFormat, CultureInfo.InvariantCulture);

    /// <summary>The first day of the month a period names.</summary>
    public static DateOnly MonthOf(string period) =>
        DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CollectionTaskCreator>().CreateAsync(MonthOf(period), cancellationToken);
    }
}

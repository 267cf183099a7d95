using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Renovation;

public sealed class RenovationDutyOptions
{
    public const string Section = "Renovation:Duty";

    /// <summary>When the daily renovation duty runs, in estate time: 08:00 every day.</summary>
    [Required]
    public string Cron { get; set; } = "0 8 * * *";
}

/// <summary>
/// The daily renovation duty behind <see cref="RenovationAlerts"/>: permits and passes ending within three days,
/// works past their planned end, passes still out three days after the completion inspection. The runner claims each
/// day once; each alert is unique on its subject besides, so a re-run or a caught-up day adds nothing twice.
/// </summary>
public sealed class RenovationDuty(IServiceScopeFactory scopes, IOptions<RenovationDutyOptions> options) : IScheduledDuty
{
    public const string DutyName = "renovation-alerts";
    public const string PeriodFormat = "yyyy-MM-dd";

    public string Name => DutyName;

    public string Cron => options.Value.Cron;

    public string PeriodOf(DateTime localOccurrence) => localOccurrence.ToString(PeriodFormat, CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        var day = DateOnly.ParseExact(period, PeriodFormat, CultureInfo.InvariantCulture);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenovationAlerts>().RaiseAsync(day, cancellationToken);
    }
}

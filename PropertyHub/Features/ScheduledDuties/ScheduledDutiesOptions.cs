using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.ScheduledDuties;

public sealed class ScheduledDutiesOptions
{
    public const string Section = "ScheduledDuties";

    /// <summary>Start the Hangfire server and register the recurring duties.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run periods missed while the app was down when it starts.</summary>
    public bool CatchUpOnStartup { get; set; } = true;

    /// <summary>
    /// How many missed periods of one duty start-up runs at most (the newest ones, oldest first); older ones are
    /// recorded as skipped.
    /// </summary>
    [Range(1, 1000)]
    public int CatchUpLimit { get; set; } = 12;

    /// <summary>A run still marked running after this long is taken to have crashed and may be taken over.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromHours(1);
}

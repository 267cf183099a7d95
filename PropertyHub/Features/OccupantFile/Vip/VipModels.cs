namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>The VIP profile form; <see cref="Version"/> 0 for a new profile.</summary>
public sealed class VipForm
{
    public int OccupantId { get; set; }
    public string? Reason { get; set; }
    public string? ServiceManagerId { get; set; }
    public int? ComplaintReplyHours { get; set; }
    public int? RepairScheduleHours { get; set; }
    public int? CallBackMinutes { get; set; }
    public string? ContactTimes { get; set; }
    public ContactChannel? ContactChannel { get; set; }
    public string? Notes { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public int Version { get; set; }

    /// <summary>The estate's day the profile's service ended, when it has (read only; saving does not change it).</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>For an ended profile: the manager chose to start the VIP service again (else saving it is refused).</summary>
    public bool StartAgain { get; set; }
}

/// <summary>The estate's own deadlines, which a VIP's may shorten but not lengthen.</summary>
public sealed record EstateDeadlines(int ComplaintReplyHours, int RepairScheduleHours, int CallBackMinutes);

/// <summary>A VIP on the list, by review date; <see cref="RemindedAt"/> when the duty reminded of the review due.</summary>
public sealed record VipRow(int ProfileId, int OccupantId, int UnitId, string Address, string Name, string Reason, string ServiceManagerName,
    DateOnly ReviewOn, DateTimeOffset? RemindedAt);

/// <summary>What intake, the queue and the wallboard show of a VIP: the service manager and how to reach the occupant.</summary>
public sealed record VipSummary(int OccupantId, string Reason, string ServiceManagerName, string? ContactTimes, ContactChannel? ContactChannel, string? Notes);

/// <summary>A staff member who may be a VIP's service manager, for the profile's picker.</summary>
public sealed record ServiceManagerOption(string Id, string Name);

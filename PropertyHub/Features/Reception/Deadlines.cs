namespace PropertyHub.Features.Reception;

/// <summary>An item's reply deadline and the moment it is raised to the supervisors.</summary>
public readonly record struct Deadline(DateTimeOffset? DueAt, DateTimeOffset? WarnAt)
{
    public static readonly Deadline None = new(null, null);
}

/// <summary>The deadline rules of SPEC §2 with an estate's settings. Pure: the clock is passed in.</summary>
public static class Deadlines
{
    /// <param name="receivedAt">When the contact was taken.</param>
    /// <param name="agreedReplyAt">For an inquiry not answered at once: the reply time agreed with the occupant.</param>
    public static Deadline For(RequestKind kind, DateTimeOffset receivedAt, DateTimeOffset? agreedReplyAt, ReceptionSettings settings) => kind switch
    {
        RequestKind.Complaint => Warned(receivedAt.AddHours(settings.ComplaintReplyHours), TimeSpan.FromHours(settings.ComplaintWarnHours)),
        RequestKind.Inquiry when agreedReplyAt is { } agreed => Warned(agreed, TimeSpan.FromMinutes(settings.InquiryWarnMinutes)),
        RequestKind.Message => Warned(receivedAt.AddMinutes(settings.CallBackMinutes), TimeSpan.FromMinutes(settings.CallBackWarnMinutes)),
        RequestKind.Repair => Warned(receivedAt.AddHours(settings.RepairScheduleHours), TimeSpan.FromHours(settings.RepairWarnHours)),
        _ => Deadline.None,
    };

    private static Deadline Warned(DateTimeOffset due, TimeSpan warnBefore) => new(due, due - warnBefore);
}

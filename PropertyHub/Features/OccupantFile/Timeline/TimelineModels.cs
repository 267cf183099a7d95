namespace PropertyHub.Features.OccupantFile.Timeline;

/// <summary>What an entry of the occupant's timeline (業戶大事記) is.</summary>
public enum TimelineEventKind
{
    Contact,
    Complaint,
    Repair,
    PaymentRequest,
    /// <summary>A payment taken, with its receipt number (a reversal is one too, negative).</summary>
    Payment,
    Notice,
    SurveyAnswer,
    FollowUp,
    /// <summary>An owner put on file or a transfer (title records).</summary>
    Title,
    /// <summary>A paper put on the occupant's file (the checklist of documents).</summary>
    Document,
    /// <summary>A change to the unit, an occupant, a title record or a VIP profile (the audit trail).</summary>
    Change,
}

/// <summary>
/// One entry of the timeline: when, what, a short text (excerpt, receipt number, subject, quarter…), an amount, and by
/// whom; a repair step also has its phrase (<see cref="Reception.TimelinePhrases"/>), read in the reader's language.
/// <see cref="Day"/> is an owner's first day (a transfer's date) or a payment request's month; <see cref="Score"/> a
/// survey answer's average score (1–5). <see cref="TimelineText"/> says each in the reader's language.
/// </summary>
public sealed record TimelineEvent(TimelineEventKind Kind, DateTimeOffset At, long SourceId, string? Text, decimal? Amount, string? By, string? Phrase = null)
{
    public DateOnly? Day { get; init; }
    public decimal? Score { get; init; }
}

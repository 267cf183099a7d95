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
/// One entry of the timeline: when, what, a short text (excerpt, receipt number, subject…), an amount, and by whom; a
/// repair step also has its phrase (<see cref="Reception.TimelinePhrases"/>), read in the reader's language.
/// </summary>
public sealed record TimelineEvent(TimelineEventKind Kind, DateTimeOffset At, long SourceId, string? Text, decimal? Amount, string? By, string? Phrase = null);

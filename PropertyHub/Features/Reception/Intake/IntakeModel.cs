using System.Globalization;
using PropertyHub.Features.Reception.Knowledge;

namespace PropertyHub.Features.Reception.IntakeDesk;

/// <summary>The intake form as the clerk fills it; <see cref="ToIntake"/> turns it into what the service checks and stores.</summary>
public sealed class IntakeModel
{
    /// <summary>The value format of an &lt;input type="datetime-local"&gt;.</summary>
    public const string LocalFormat = "yyyy-MM-ddTHH:mm";

    public RequestKind Kind { get; private set; } = RequestKind.Inquiry;
    public Channel Channel { get; set; } = Channel.ServiceLine;
    public IntakeOutcome Outcome { get; set; } = IntakeOutcome.AnsweredNow;
    public CallerDetails? Caller { get; set; }
    public string? CallerName { get; set; }
    public string? Phone { get; set; }
    public string? Content { get; set; }
    public bool IsImportant { get; set; }
    /// <summary>The agreed reply time as typed, in the estate's local time.</summary>
    public string? AgreedReplyLocal { get; set; }
    public Department? TransferTo { get; set; }
    public string? Remark { get; set; }
    public string? ForColleague { get; set; }
    public string? Answer { get; set; }
    public KnowledgeView? FromArchive { get; set; }

    /// <summary>The handling a kind allows (P3 4.2.1): inquiries are answered or get a reply time; messages are messages.</summary>
    public static IReadOnlyList<IntakeOutcome> OutcomesFor(RequestKind kind) => kind switch
    {
        RequestKind.Inquiry => [IntakeOutcome.AnsweredNow, IntakeOutcome.AgreedReply, IntakeOutcome.Transferred],
        RequestKind.Message => [IntakeOutcome.Message],
        _ => [IntakeOutcome.Logged, IntakeOutcome.Transferred],
    };

    public void SetKind(RequestKind kind)
    {
        Kind = kind;
        if (!OutcomesFor(kind).Contains(Outcome))
            Outcome = OutcomesFor(kind)[0];
    }

    /// <summary>An inquiry not answered at once needs the agreed time, also when transferred (P3 4.1.3).</summary>
    public bool NeedsAgreedTime => Kind == RequestKind.Inquiry && Outcome is IntakeOutcome.AgreedReply or IntakeOutcome.Transferred;

    /// <summary>The agreed time the clerk typed, in the estate's wall-clock time, as an instant.</summary>
    public DateTimeOffset? AgreedReplyAt(Settings.EstateTime time, int estateId)
    {
        if (!DateTime.TryParseExact(AgreedReplyLocal, [LocalFormat, LocalFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        return time.ToUtc(estateId, local);
    }

    public void UseArchiveEntry(KnowledgeView entry)
    {
        SetKind(RequestKind.Inquiry);
        Outcome = IntakeOutcome.AnsweredNow;
        FromArchive = entry;
        Answer = entry.Answer;
    }

    public Intake ToIntake(int estateId, Settings.EstateTime time) => new()
    {
        EstateId = estateId,
        Kind = Kind,
        Channel = Channel,
        Outcome = Outcome,
        UnitId = Caller?.UnitId,
        OccupantId = Caller?.OccupantId,
        CallerName = CallerName,
        Phone = Phone,
        Content = Content,
        IsImportant = IsImportant,
        AgreedReplyAt = NeedsAgreedTime ? AgreedReplyAt(time, estateId) : null,
        TransferTo = Outcome == IntakeOutcome.Transferred ? TransferTo : null,
        Remark = Remark,
        ForColleague = Outcome == IntakeOutcome.Message ? ForColleague : null,
        Answer = Outcome == IntakeOutcome.AnsweredNow ? Answer : null,
        KnowledgeEntryId = Outcome == IntakeOutcome.AnsweredNow ? FromArchive?.Id : null,
    };
}

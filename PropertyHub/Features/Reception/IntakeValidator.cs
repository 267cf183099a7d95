using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.Reception;

/// <summary>Checks an intake before anything is written; messages in the user's language.</summary>
public sealed class IntakeValidator(IStringLocalizer<ReceptionText> text, Settings.EstateTime estateTime)
{
    public const int MaxNameLength = 100;

    /// <summary>The intake as it is checked and stored: text without invisible characters, the phone NFKC-normalised.</summary>
    public static Intake Normalize(Intake intake) => intake with
    {
        CallerName = TypedText.Text(intake.CallerName),
        Phone = TypedText.Digits(intake.Phone),
        Content = TypedText.Text(intake.Content),
        Remark = TypedText.Text(intake.Remark),
        ForColleague = TypedText.Text(intake.ForColleague),
        Answer = TypedText.Text(intake.Answer),
    };

    public async Task<(List<FieldMessage> Errors, List<string> Warnings)> CheckAsync(AppDbContext db, Intake intake, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new List<FieldMessage>();
        var warnings = new List<string>();
        void Error(string field, string key, params object[] args) => errors.Add(new FieldMessage(field, text[key, args]));

        var content = intake.Content?.Trim();
        if (string.IsNullOrEmpty(content))
            Error(nameof(Intake.Content), "ContentRequired");
        else if (content.Length > ServiceRequest.MaxContentLength)
            Error(nameof(Intake.Content), "ContentTooLong", ServiceRequest.MaxContentLength);

        if (intake.IsCall && intake.UnitId is null)
            Error(nameof(Intake.UnitId), "UnitRequiredForCalls");
        if (intake.IsCall && string.IsNullOrWhiteSpace(intake.CallerName))
            Error(nameof(Intake.CallerName), "CallerRequiredForCalls");
        if (intake.CallerName?.Trim().Length > MaxNameLength)
            Error(nameof(Intake.CallerName), "NameTooLong", MaxNameLength);
        if (RegistryRules.CheckPhone(intake.Phone) is { } phoneError)
            Error(nameof(Intake.Phone), phoneError);

        if (intake.UnitId is { } unitId
            && !await db.Units.AnyAsync(u => u.Id == unitId && u.Building!.EstateId == intake.EstateId, ct))
            Error(nameof(Intake.UnitId), "UnitUnknown");
        if (intake.OccupantId is { } occupantId
            && !await db.Occupants.AnyAsync(o => o.Id == occupantId && (intake.UnitId == null || o.UnitId == intake.UnitId), ct))
            Error(nameof(Intake.OccupantId), "OccupantUnknown");

        CheckOutcome(intake, now, Error);
        if (intake.Kind == RequestKind.Inquiry && intake.AgreedReplyAt is { } agreed && agreed > now)
        {
            var estate = await db.Estates.AsNoTracking().SingleOrDefaultAsync(e => e.Id == intake.EstateId, ct);
            if (estate is not null && !estate.Calendar.IsServiceLineOpen(TimeOnly.FromDateTime(estateTime.ToLocal(estate.Id, agreed).DateTime)))
                warnings.Add(text["AgreedOutsideServiceHours", estate.Calendar.ServiceLineOpens.ToString("HH:mm"), estate.Calendar.ServiceLineCloses.ToString("HH:mm")]);
        }
        if (intake.KnowledgeEntryId is { } entryId && !await db.KnowledgeEntries.AnyAsync(k => k.Id == entryId && k.EstateId == intake.EstateId, ct))
            Error(nameof(Intake.KnowledgeEntryId), "KnowledgeEntryUnknown");
        return (errors, warnings);
    }

    private static void CheckOutcome(Intake intake, DateTimeOffset now, Action<string, string, object[]> error)
    {
        switch (intake.Outcome)
        {
            case IntakeOutcome.AnsweredNow when intake.Kind != RequestKind.Inquiry:
            case IntakeOutcome.AgreedReply when intake.Kind != RequestKind.Inquiry:
                error(nameof(Intake.Outcome), "OutcomeOnlyForInquiries", []);
                break;
            case IntakeOutcome.Transferred when intake.TransferTo is null:
                error(nameof(Intake.TransferTo), "DepartmentRequired", []);
                break;
            case IntakeOutcome.Message when intake.Kind != RequestKind.Message:
            case IntakeOutcome.Logged when intake.Kind is RequestKind.Message:
                error(nameof(Intake.Outcome), "MessageOutcomeMismatch", []);
                break;
            case IntakeOutcome.Message when string.IsNullOrWhiteSpace(intake.ForColleague):
                error(nameof(Intake.ForColleague), "ColleagueRequired", []);
                break;
            case IntakeOutcome.Logged when intake.Kind == RequestKind.Inquiry:
                error(nameof(Intake.Outcome), "InquiryNeedsAnswerOrTime", []);
                break;
        }
        // An inquiry not answered at once needs a reply time agreed with the occupant (P3 4.1.3), also when transferred.
        if (intake.Kind == RequestKind.Inquiry && intake.Outcome is IntakeOutcome.AgreedReply or IntakeOutcome.Transferred)
        {
            if (intake.AgreedReplyAt is null)
                error(nameof(Intake.AgreedReplyAt), "AgreedReplyRequired", []);
            else if (intake.AgreedReplyAt <= now)
                error(nameof(Intake.AgreedReplyAt), "AgreedReplyInPast", []);
        }
        if (intake.Remark?.Trim().Length > 1000)
            error(nameof(Intake.Remark), "RemarkTooLong", [1000]);
        if (intake.Answer?.Trim().Length > ServiceRequest.MaxContentLength)
            error(nameof(Intake.Answer), "ContentTooLong", [ServiceRequest.MaxContentLength]);
    }
}

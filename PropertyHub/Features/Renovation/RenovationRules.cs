using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Renovation;

/// <summary>The items of the 住宅使用公約 a renovation plan is reviewed against (P1§9.1).</summary>
public enum CovenantCheck
{
    LoadBearingWalls,
    Waterproofing,
    FacadeAndWindows,
    GasAndElectrical,
    NoiseHours,
    Debris,
}

/// <summary>
/// The renovation procedure's rules (P1§9), without the database: what an application needs, what a review needs,
/// when the agreements may be signed and money taken, and when the 施工許可證 may be issued. Messages are
/// RenovationText keys.
/// </summary>
public static class RenovationRules
{
    public const int NameMax = 100;
    public const int LicenceMax = 50;
    public const int PlanMax = 2000;
    public const int ReasonsMax = 1000;
    public const int MaxWorkers = 50;
    /// <summary>The longest works a permit is given for; longer works apply again.</summary>
    public const int MaxDays = 180;

    public static readonly IReadOnlyList<CovenantCheck> Checklist = Enum.GetValues<CovenantCheck>();

    /// <summary>What is wrong with an application, by field ("" for the whole form); empty when it may be submitted.</summary>
    public static Dictionary<string, string> Application(RenovationInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        Add(nameof(input.OccupantId), input.OccupantId <= 0 ? "ApplicantRequired" : null);
        Add(nameof(input.ContractorName), Text(input.ContractorName, NameMax, "ContractorNameRequired", "ContractorNameTooLong"));
        Add(nameof(input.ContractorLicence), Text(input.ContractorLicence, LicenceMax, "LicenceRequired", "LicenceTooLong"));
        Add(nameof(input.ContractorContact), Text(input.ContractorContact, NameMax, "ContactRequired", "ContactTooLong"));
        var phone = TypedText.Digits(input.ContractorPhone);
        Add(nameof(input.ContractorPhone), phone is null ? "PhoneRequired" : !Phones.IsValid(phone) ? "PhoneInvalid" : null);
        Add(nameof(input.PlanDescription), Text(input.PlanDescription, PlanMax, "PlanRequired", "PlanTooLong"));
        Add(nameof(input.PlannedStart), Dates(input.PlannedStart, input.PlannedEnd, today));
        Add(nameof(input.Workers), Workers(input.Workers));
        return errors;

        void Add(string field, string? error)
        {
            if (error is not null)
                errors[field] = error;
        }
    }

    public static string? Dates(DateOnly? start, DateOnly? end, DateOnly today) =>
        start is null || end is null ? "DatesRequired"
        : start < today ? "StartInPast"
        : end < start ? "EndBeforeStart"
        : end.Value.DayNumber - start.Value.DayNumber + 1 > MaxDays ? "WorksTooLong"
        : null;

    /// <summary>At least one worker; each with a name and a valid ID number, no one twice.</summary>
    public static string? Workers(IReadOnlyList<WorkerInput> workers)
    {
        if (workers.Count == 0)
            return "WorkersRequired";
        if (workers.Count > MaxWorkers)
            return "TooManyWorkers";
        foreach (var worker in workers)
        {
            if (Text(worker.Name, NameMax, "WorkerNameRequired", "WorkerNameTooLong") is { } error)
                return error;
            if (Id(worker.IdNumber) is null)
                return "WorkerIdInvalid";
        }
        return workers.Select(w => Id(w.IdNumber)).Distinct().Count() < workers.Count ? "WorkerTwice" : null;
    }

    /// <summary>A worker's ID number as stored (upper-case check character), or null when it is not a valid one.</summary>
    public static string? Id(string? text) =>
        TypedText.Digits(text)?.ToUpperInvariant() is { } id && IdNumbers.IsValidPersonId(id) ? id : null;

    /// <summary>
    /// A review: approving needs every checklist item found compliant; returning needs the reasons told to the
    /// applicant and at least one failed item. Only a submitted plan is reviewed.
    /// </summary>
    public static string? Review(RenovationStatus status, RenovationReview review)
    {
        if (status != RenovationStatus.Submitted)
            return "NotAwaitingReview";
        if (review.Approve)
            return review.Failed.Count > 0 ? "ApproveWithFailedItems" : null;
        if (review.Failed.Count == 0)
            return "ReturnNeedsFailedItem";
        var reasons = TypedText.Text(review.Reasons);
        return reasons is null ? "ReasonsRequired" : reasons.Length > ReasonsMax ? "ReasonsTooLong" : null;
    }

    /// <summary>The agreements are signed once the plan is approved and before the permit.</summary>
    public static string? Sign(RenovationStatus status, DateTimeOffset? signedAt) =>
        status != RenovationStatus.Approved ? "NotApproved" : signedAt is not null ? "AlreadySigned" : null;

    /// <summary>The deposit and the fee are taken once the plan is approved, once.</summary>
    public static string? Collect(RenovationStatus status, bool collected) =>
        status != RenovationStatus.Approved ? "NotApproved" : collected ? "AlreadyCollected" : null;

    /// <summary>
    /// No 施工許可證 before the plan is approved, the 裝修管理協議 and the 安全責任書 are both signed and the deposit is
    /// paid (P1§9.2–3). The first thing missing, or null when it may be issued.
    /// </summary>
    public static string? Permit(RenovationApplication application, bool depositPaid) =>
        application.PermitNumber is not null || application.Status is RenovationStatus.PermitIssued or RenovationStatus.Completed or RenovationStatus.Settled
            ? "PermitAlreadyIssued"
        : application.Status != RenovationStatus.Approved ? "NotApproved"
        : application.OwnerSignedAt is null ? "OwnerNotSigned"
        : application.ContractorSignedAt is null ? "ContractorNotSigned"
        : !depositPaid ? "DepositNotPaid"
        : null;

    /// <summary>The permit runs from the planned start (or today, when that has passed) to the planned end.</summary>
    public static (DateOnly From, DateOnly To) PermitValidity(RenovationApplication application, DateOnly today) =>
        (application.PlannedStart < today ? today : application.PlannedStart, application.PlannedEnd < today ? today : application.PlannedEnd);

    /// <summary>A worker's pass is issued while the permit runs: not before it is issued, not once it has expired.</summary>
    public static string? Pass(RenovationStatus status, DateOnly? permitTo, DateOnly today) =>
        status != RenovationStatus.PermitIssued || permitTo is null ? "NoPermit"
        : today > permitTo ? "PermitExpired"
        : null;

    /// <summary>
    /// What the gate says of a pass on a day of the estate's calendar: a revoked pass never lets anyone in; otherwise
    /// a returned or written-off pass neither;
    /// otherwise it is valid from its first to its last day, both whole days in estate time.
    /// </summary>
    public static GateOutcome Gate(WorkerPass pass, DateOnly today) =>
        pass.RevokedAt is not null ? GateOutcome.Revoked
        : pass.ReturnedAt is not null ? (pass.WriteOffReason is null ? GateOutcome.Returned : GateOutcome.WrittenOff)
        : today < pass.ValidFrom ? GateOutcome.NotYetValid
        : today > pass.ValidTo ? GateOutcome.Expired
        : GateOutcome.Valid;

    public static string PassNumber(string permitNumber, int ordinal) => $"{permitNumber}-{ordinal:00}";

    /// <summary>The permit's number: its year and its place in that year's permits, e.g. "SG2026-000012".</summary>
    public static string PermitNumber(int year, int seq) => $"SG{year:0000}-{seq:000000}";

    /// <summary>
    /// The highest of a year's permits numbered before the numbering was consecutive (then after the application):
    /// the year's numbering goes on after it, so no number is given twice.
    /// </summary>
    public static int LastOldPermit(IEnumerable<string> numbers, int year) =>
        numbers.Where(n => n.StartsWith($"SG{year:0000}-", StringComparison.Ordinal) && n.Length == 13)
            .Select(n => int.TryParse(n[7..], out var seq) ? seq : 0).DefaultIfEmpty(0).Max();

    /// <summary>A returned application is corrected and submitted again; nothing else is.</summary>
    public static string? Resubmit(RenovationStatus status) => status == RenovationStatus.Returned ? null : "NotReturned";

    private static string? Text(string? text, int max, string required, string tooLong) =>
        TypedText.Text(text) is not { } value ? required : value.Length > max ? tooLong : null;
}

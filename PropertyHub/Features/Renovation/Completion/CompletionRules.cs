using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// The end of a renovation (P1§9.5–6), without the database: patrols while the works run, the completion inspection,
/// the return of permit and passes, and the deposit's refund less the charges. Messages are RenovationText keys.
/// </summary>
public static class CompletionRules
{
    public const int MaxPhotos = 10;

    public static readonly IReadOnlyList<CompletionCheck> Checklist = Enum.GetValues<CompletionCheck>();

    /// <summary>A patrol is recorded while the permit stands (until the completion inspection), never in the future.</summary>
    public static string? Patrol(RenovationStatus status, DateTimeOffset? at, DateTimeOffset now, string? findings) =>
        status != RenovationStatus.PermitIssued ? "NoPermit"
        : at is null ? "PatrolTimeRequired"
        : at > now ? "PatrolInFuture"
        : TypedText.Text(findings) is not { } text ? "FindingsRequired"
        : text.Length > RenovationRules.ReasonsMax ? "FindingsTooLong"
        : null;

    /// <summary>Patrols and the completion inspection belong to works that have begun: nothing dated before the planned start.</summary>
    public static string? BeforeStart(DateOnly day, DateOnly plannedStart, string key) => day < plannedStart ? key : null;

    /// <summary>
    /// The completion inspection: once, after the permit; damage needs its description, a charge and at least one
    /// photo; a charge without damage is refused; every checklist item must be marked. Returns (field, key) of the first problem.
    /// </summary>
    public static (string Field, string Key)? Inspection(RenovationStatus status, InspectionInput input, decimal? charge, string? chargeError, int photos)
    {
        if (status == RenovationStatus.Completed || status == RenovationStatus.Settled)
            return ("", "AlreadyInspected");
        if (status != RenovationStatus.PermitIssued)
            return ("", "NoPermit");
        if (photos > MaxPhotos)
            return ("Photos", "TooManyPhotos");
        var damage = TypedText.Text(input.Damage);
        if (damage?.Length > RenovationRules.ReasonsMax)
            return ("Damage", "DamageTooLong");
        if (damage is null)
            return string.IsNullOrWhiteSpace(input.Charge) || charge == 0 ? Unmarked(input) : ("Charge", "ChargeWithoutDamage");
        if (chargeError is not null)
            return ("Charge", chargeError);
        if (charge is null || charge <= 0)
            return ("Charge", "ChargeRequired");
        return photos == 0 ? ("Photos", "DamageNeedsPhotos") : Unmarked(input);
    }

    /// <summary>Every checklist item marked, in order or not in order (never both): an unmarked item was not checked.</summary>
    public static (string Field, string Key)? Unmarked(InspectionInput input) =>
        Checklist.All(c => input.InOrder.Contains(c) != input.Failed.Contains(c)) ? null : ("Checklist", "ChecklistIncomplete");

    /// <summary>Permit and passes come back once the works are inspected, each once; a write-off needs its reason.</summary>
    public static string? Return(RenovationStatus status, DateTimeOffset? returnedAt, bool writeOff, string? reason) =>
        status == RenovationStatus.Settled ? "AlreadySettled"
        : returnedAt is not null ? "AlreadyReturned"
        : writeOff && TypedText.Text(reason) is null ? "WriteOffReasonRequired"
        : writeOff && TypedText.Text(reason)!.Length > RenovationRules.ReasonsMax ? "ReasonsTooLong"
        : null;

    /// <summary>
    /// The refund: only after the inspection, with the permit and every pass back (or written off), once; never more
    /// than the deposit, nor more than the deposit less the charges; charges above the deposit leave a refund of nothing.
    /// </summary>
    public static string? Refund(RenovationStatus status, bool permitBack, int passesOut, decimal deposit, decimal charges, decimal amount) =>
        status == RenovationStatus.Settled ? "AlreadyRefunded"
        : status != RenovationStatus.Completed ? "NotInspected"
        : !permitBack ? "PermitNotReturned"
        : passesOut > 0 ? "PassesNotReturned"
        : amount < 0 ? "AmountInvalid"
        : amount > deposit ? "RefundAboveDeposit"
        : amount > Balance(deposit, charges) ? "RefundAboveBalance"
        : null;

    /// <summary>What goes back by default: the deposit less the charges, never below nothing.</summary>
    public static decimal Balance(decimal deposit, decimal charges) => Math.Max(0, deposit - charges);
}

/// <summary>A patrol as typed: when (estate time), the findings, and whether they are a violation.</summary>
public sealed class PatrolInput
{
    public DateTime? At { get; set; }
    public string? Findings { get; set; }
    public bool Violation { get; set; }
}

/// <summary>The completion inspection as typed: the items found in order and not in order, the damage and its charge.</summary>
public sealed class InspectionInput
{
    public List<CompletionCheck> InOrder { get; set; } = [];
    public List<CompletionCheck> Failed { get; set; } = [];
    public string? Damage { get; set; }
    public string? Charge { get; set; }
}

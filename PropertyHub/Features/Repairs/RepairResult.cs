using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Repairs;

/// <summary>
/// What a work-order action did. Invalid: nothing was written, <see cref="Errors"/> say why in the user's language.
/// Warnings that need a yes (an engineer's overlapping appointments) come back as Invalid with <see cref="NeedsConfirmation"/>.
/// </summary>
public sealed record RepairResult(ReceptionOutcome Outcome, WorkOrder? Order, IReadOnlyList<FieldMessage> Errors, bool NeedsConfirmation = false)
{
    public bool Succeeded => Outcome == ReceptionOutcome.Done;

    public static RepairResult Done(WorkOrder order) => new(ReceptionOutcome.Done, order, []);
    /// <summary>Written without a step (a note saved as it is typed): no order to show.</summary>
    public static RepairResult Saved() => new(ReceptionOutcome.Done, null, []);
    public static RepairResult Invalid(IReadOnlyList<FieldMessage> errors) => new(ReceptionOutcome.Invalid, null, errors);
    public static RepairResult Invalid(string field, string message) => Invalid([new FieldMessage(field, message)]);
    public static RepairResult Confirm(string field, string message) => new(ReceptionOutcome.Invalid, null, [new FieldMessage(field, message)], true);
    public static RepairResult Conflict(string message) => new(ReceptionOutcome.Conflict, null, [new FieldMessage("", message)]);
    public static RepairResult NotFound(string message) => new(ReceptionOutcome.NotFound, null, [new FieldMessage("", message)]);
}

/// <summary>A new work order: from a repair request (<see cref="RequestId"/>) or raised by staff (null).</summary>
public sealed record WorkOrderDraft
{
    public int EstateId { get; init; }
    public int? RequestId { get; init; }
    public WorkOrderKind Kind { get; init; }
    public RepairLocation Location { get; init; }
    public int? UnitId { get; init; }
    /// <summary>The unit as staff type it ("1-1201"), when <see cref="UnitId"/> is not given.</summary>
    public string? UnitAddress { get; init; }
    public int? BuildingId { get; init; }
    public string? Place { get; init; }
    public RepairCategory? Category { get; init; }
    public RepairUrgency Urgency { get; init; }
    public bool IsPaid { get; init; }
    public string? Description { get; init; }
    /// <summary>Photos taken when raising it, already checked by <see cref="Files.FileIntake"/> (pictures only).</summary>
    public IReadOnlyList<Files.UploadedFile> Photos { get; init; } = [];
}

/// <summary>An appointment as agreed on the phone: local day and window are converted to UTC by the form.</summary>
public sealed record AppointmentDraft
{
    public DateTimeOffset? WindowStart { get; init; }
    public DateTimeOffset? WindowEnd { get; init; }
    public string? WorkContent { get; init; }
    public int ExpectedMinutes { get; init; }
    public string? EngineerId { get; init; }
    /// <summary>The clerk saw the overlap warning and books it anyway.</summary>
    public bool AcceptOverlap { get; init; }
}

namespace PropertyHub.Features.Reception;

public enum ReceptionOutcome
{
    Done,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>A message for one field (or the whole form when Field is empty), already in the user's language.</summary>
public sealed record FieldMessage(string Field, string Message);

/// <summary>
/// What an intake or queue action did. Invalid: nothing was written, <see cref="Errors"/> say why.
/// Conflict: someone changed the item first; <see cref="Request"/> is the fresh record, nothing was written.
/// </summary>
public sealed record ReceptionResult(ReceptionOutcome Outcome, ServiceRequest? Request, IReadOnlyList<FieldMessage> Errors, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Outcome == ReceptionOutcome.Done;

    public static ReceptionResult Done(ServiceRequest request, IReadOnlyList<string>? warnings = null) => new(ReceptionOutcome.Done, request, [], warnings ?? []);
    public static ReceptionResult Invalid(IReadOnlyList<FieldMessage> errors) => new(ReceptionOutcome.Invalid, null, errors, []);
    public static ReceptionResult Conflict(ServiceRequest? fresh, string message) => new(ReceptionOutcome.Conflict, fresh, [new FieldMessage("", message)], []);
    public static ReceptionResult NotFound(string message) => new(ReceptionOutcome.NotFound, null, [new FieldMessage("", message)], []);
}

namespace PropertyHub.Features.Registry;

/// <summary>A message for one form field (or "" for the whole form), already in the user's language.</summary>
public sealed record FieldError(string Field, string Message);

public enum SaveOutcome
{
    Saved,
    Invalid,
    Conflict,
    Denied,
    NotFound,
}

/// <summary>
/// What became of a save: on <see cref="SaveOutcome.Saved"/> the stored record, on <see cref="SaveOutcome.Conflict"/>
/// the fresh record another user saved, otherwise the messages to show. Nothing is written unless Saved.
/// </summary>
public sealed record SaveResult<T>(SaveOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;

    /// <summary>The message for one field, or null.</summary>
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Messages not tied to a field (conflict, access denied, not found).</summary>
    public string? FormError => ErrorFor("");

    public static SaveResult<T> Saved(T value) => new(SaveOutcome.Saved, value, []);
}

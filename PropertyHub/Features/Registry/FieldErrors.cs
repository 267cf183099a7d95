namespace PropertyHub.Features.Registry;

/// <summary>The messages a form shows next to its fields.</summary>
public sealed class FieldErrors(IEnumerable<FieldError> errors)
{
    private readonly List<FieldError> list = [.. errors];

    public bool Any => list.Count > 0;

    public string? ErrorFor(string field) => list.FirstOrDefault(e => e.Field == field)?.Message;
}

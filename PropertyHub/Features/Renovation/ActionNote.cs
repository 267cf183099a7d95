namespace PropertyHub.Features.Renovation;

/// <summary>
/// The one result of an action on the renovation page (saved, or why not), shown next to the button that was pressed:
/// a new note replaces the last one wherever it was, so no earlier message stays on the page.
/// </summary>
public sealed class ActionNote
{
    public string? Place { get; private set; }
    public string? Text { get; private set; }
    public bool IsError { get; private set; }

    public event Action? Changed;

    public void Say(string place, string? text, bool isError)
    {
        (Place, Text, IsError) = (text is null ? null : place, text, isError);
        Changed?.Invoke();
    }

    public void Clear() => Say("", null, false);
}

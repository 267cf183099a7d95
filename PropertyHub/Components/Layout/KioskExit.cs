namespace PropertyHub.Components.Layout;

/// <summary>
/// The way out of a kiosk page, given to the page by <see cref="KioskLayout"/>. Closed while the occupant holds the
/// tablet: links, the browser's Back button and typed-in app addresses stay on the page. The page opens it once a
/// member of staff has given their password, or once the occupant has finished.
/// </summary>
public sealed class KioskExit
{
    public bool IsOpen { get; private set; }

    public void Open() => IsOpen = true;
}

namespace PropertyHub.Features.Reception.IntakeDesk;

/// <summary>The key that opens the intake page from anywhere (see IntakeShortcut.razor.js), for the roles that log contacts.</summary>
public static class DeskShortcut
{
    public const string Key = "F2";
}

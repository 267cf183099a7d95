namespace PropertyHub.Features.Reception.IntakeDesk;

/// <summary>A contact just logged on the intake page.</summary>
public sealed record RecentIntake(int Id, RequestKind Kind, string? Address, string? CallerName, string Content, DateTimeOffset? DueAt, bool Closed);

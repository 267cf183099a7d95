namespace PropertyHub.Features.Audit;

/// <summary>Who made a change: a signed-in user, or the system running a scheduled duty.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}

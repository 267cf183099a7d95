namespace PropertyHub.Features.Reception.Live;

/// <summary>Redis for the work-queue bus across several app instances (section "Redis").</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "localhost:6379". Empty: one instance, the in-memory bus.</summary>
    public string? Connection { get; set; }
}

namespace PropertyHub.Features.Operations;

public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Lets a scraper read /metrics with <c>Authorization: Bearer &lt;token&gt;</c>. Unset (the default): only a signed-in
    /// Admin reads it. At least <see cref="MinTokenLength"/> characters; an empty value counts as unset.
    /// </summary>
    public string? MetricsToken { get; set; }

    public const int MinTokenLength = 32;

    public bool IsValid => string.IsNullOrEmpty(MetricsToken) || MetricsToken.Length >= MinTokenLength;
}

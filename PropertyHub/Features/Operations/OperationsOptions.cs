using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Operations;

public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Lets a scraper read /metrics with <c>Authorization: Bearer &lt;token&gt;</c>. Unset (the default): only a signed-in
    /// Admin reads it.
    /// </summary>
    [MinLength(32)]
    public string? MetricsToken { get; set; }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Operations;

/// <summary>Who reads /metrics: a signed-in Admin, or a scraper that shows the configured bearer token.</summary>
internal sealed class MetricsReader : IAuthorizationRequirement
{
    public const string Policy = Can.ReadMetrics;
}

internal sealed class MetricsReaderHandler(IOptions<OperationsOptions> options) : AuthorizationHandler<MetricsReader>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsReader requirement)
    {
        if (AccessTable.Allows(Can.ReadMetrics, context.User) || (context.Resource is HttpContext http && HasToken(http.Request)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private bool HasToken(HttpRequest request)
    {
        var expected = options.Value.MetricsToken;
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(expected) || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(expected));
    }
}

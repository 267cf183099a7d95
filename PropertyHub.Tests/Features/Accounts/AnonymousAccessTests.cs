using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>
/// Every page and endpoint the app maps turns away an anonymous visitor, except a short explicit list.
/// Endpoints are read from the routing table, so pages added later are checked without touching this test.
/// </summary>
public sealed class AnonymousAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly HashSet<string> AllowedAnonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "/account/login", "/account/logout", "/culture", "/health/live", "/health/ready", "/error", "/not-found",
        // Occupants have no login: their personal links (a survey form, a payment request) and the public fee standard.
        "/l/1", "/p/1", "/fees/standard",
    };

    [Fact]
    public void Endpoints_RoutingTable_ContainsThePagesThisTestMustCover()
    {
        var paths = GetEndpoints().Select(e => e.Path).ToList();
        Assert.Contains("/", paths);
        Assert.Contains("/admin/users", paths);
        Assert.Contains("/admin/calendar", paths);
        Assert.Contains(paths, p => p.StartsWith("/jobs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryEndpoint_AnonymousGet_IsSentToSignInOrRefused()
    {
        var client = factory.NewClient();
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var (path, display) in GetEndpoints())
        {
            if (AllowedAnonymous.Contains(path))
                continue;
            checkedCount++;
            using var response = await client.GetAsync(path);
            if (!IsTurnedAway(response))
                failures.AppendLine($"{path} ({display}): {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(checkedCount > 5, $"Only {checkedCount} endpoints were checked");
        Assert.True(failures.Length == 0, "Reachable without signing in:\n" + failures);
    }

    private static bool IsTurnedAway(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect =>
            response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };

    /// <summary>GET-able route endpoints with their parameters filled with sample values; static files left out.</summary>
    private List<(string Path, string Display)> GetEndpoints()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains("GET"))
            .Select(e => (Path: SamplePath(e.RoutePattern), Display: e.DisplayName ?? ""))
            .DistinctBy(e => e.Path)];
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private static string SamplePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => SampleValue(parameter),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString().TrimEnd('/') is { Length: > 0 } p ? p : "/";
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        if (parameter.Default is { } value)
            return value.ToString() ?? "1";
        var constraints = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content));
        if (constraints.Contains("guid", StringComparison.OrdinalIgnoreCase))
            return Guid.Empty.ToString();
        if (constraints.Contains("bool", StringComparison.OrdinalIgnoreCase))
            return "true";
        if (constraints.Contains("datetime", StringComparison.OrdinalIgnoreCase))
            return "2026-01-01";
        if (constraints.Contains("file", StringComparison.OrdinalIgnoreCase))
            return "sample.txt";
        if (constraints.Contains("alpha", StringComparison.OrdinalIgnoreCase))
            return "a";
        return "1";
    }
}

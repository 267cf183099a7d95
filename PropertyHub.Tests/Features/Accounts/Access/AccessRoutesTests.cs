using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts.Access;

/// <summary>
/// Walks the access table over every page and endpoint: each has a policy from the table (or is listed here as public or
/// as the framework's), and every GET route as every role and as nobody is let in or turned away as the table says.
/// </summary>
public sealed class AccessRoutesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>Open to anyone: signing in and out, the language switch, health probes, error pages and occupants' links.</summary>
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "/account/login", "/account/logout", "/culture", "/health/live", "/health/ready", "/error",
        "/l/{Token}", "/p/{Token}", "/r/{Token}", "/r/accept/{Token}", "/rs/{Token}", "/h/{Token}", "/mk/{Token}", "/fees/standard",
    };

    /// <summary>Pages without an attribute and the static-file fallback: the fallback policy asks for any signed-in user.</summary>
    private static readonly HashSet<string> SignedInByFallback = new(StringComparer.Ordinal) { "/not-found", "/account/denied", "/{**path:file}" };

    /// <summary>Blazor's own endpoints (the circuit, its scripts): no product data behind them.</summary>
    private static bool IsFramework(string route) => route.StartsWith("/_blazor", StringComparison.Ordinal) || route.StartsWith("/_framework", StringComparison.Ordinal);

    [Fact]
    public void EveryRoutableComponent_HasAPolicyFromTheTableOrIsListed()
    {
        var failures = new List<string>();
        foreach (var component in typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()))
        {
            var routes = component.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList();
            var policy = component.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            var anonymous = component.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            foreach (var route in routes)
            {
                var ok = anonymous ? Public.Contains(route)
                    : policy is null ? SignedInByFallback.Contains(route) : IsInTable(policy);
                if (!ok)
                    failures.Add($"{component.Name} {route}: policy '{policy ?? "none"}'{(anonymous ? " [AllowAnonymous]" : "")}");
            }
        }
        Assert.True(failures.Count == 0, "Pages without an entry in the access table:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryEndpoint_HasAPolicyFromTheTableOrIsListed()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in RouteEndpoints())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (IsFramework(route))
                continue;
            checkedCount++;
            var (policy, anonymous) = Authorization(endpoint);
            var ok = anonymous ? Public.Contains(route) : (policy is not null && IsInTable(policy)) || SignedInByFallback.Contains(route);
            if (!ok)
                failures.Add($"{route} ({endpoint.DisplayName}): policy '{policy ?? "none"}'{(anonymous ? " [AllowAnonymous]" : "")}");
        }
        Assert.True(checkedCount > 40, $"Only {checkedCount} endpoints found");
        Assert.True(failures.Count == 0, "Endpoints without an entry in the access table:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryGetRoute_AsEveryRoleAndAnonymous_IsLetInOrTurnedAwayAsTheTableSays()
    {
        var clients = new Dictionary<string, HttpClient> { ["(anonymous)"] = factory.NewClient() };
        foreach (var role in Roles.All)
            clients[role] = await factory.ClientForRoleAsync(role);
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var endpoint in RouteEndpoints().Where(IsGet))
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (IsFramework(route))
                continue;
            var (policy, anonymous) = Authorization(endpoint);
            var path = SamplePath(endpoint.RoutePattern);
            foreach (var (who, client) in clients)
            {
                var expected = anonymous
                    || (who == "(anonymous)" ? policy is not null && AccessTable.Rule(policy).Anyone
                        : policy is null ? SignedInByFallback.Contains(route) : AccessTable.Rule(policy).AllowsRole(who));
                using var response = await client.GetAsync(path);
                checkedCount++;
                var letIn = !IsTurnedAway(response);
                if (letIn != expected)
                    failures.AppendLine($"{path} as {who}: expected {(expected ? "allowed" : "refused")} ({policy}), got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(checkedCount > 250, $"Only {checkedCount} requests made");
        Assert.True(failures.Length == 0, "Routes that disagree with the access table:\n" + failures);
    }

    [Theory]
    [InlineData(Roles.Engineer, false)]
    [InlineData(Roles.Finance, false)]
    [InlineData(Roles.Clerk, true)]
    [InlineData(Roles.Manager, true)]
    public async Task RegistryExport_FollowsTheImportsRoles(string role, bool allowed)
    {
        var client = await factory.ClientForRoleAsync(role);
        using var response = await client.GetAsync("/registry/export.xlsx");
        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        if (!allowed)
            Assert.True(IsTurnedAway(response), $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    private static bool IsInTable(string policy) => AccessTable.Rules.Any(r => r.Action == policy);

    private static (string? Policy, bool Anonymous) Authorization(Endpoint endpoint)
    {
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
        return (policies.Count == 1 ? policies[0] : policies.Count == 0 ? null : string.Join("+", policies), anonymous);
    }

    private List<RouteEndpoint> RouteEndpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))];

    private static bool IsGet(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains("GET");

    private static bool IsTurnedAway(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect =>
            response.Headers.Location?.OriginalString is { } to
                && (to.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || to.Contains("/account/denied", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static string SamplePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => "1",
                    _ => "",
                });
        }
        var result = path.ToString().TrimEnd('/');
        return result.Length == 0 ? "/" : result;
    }
}

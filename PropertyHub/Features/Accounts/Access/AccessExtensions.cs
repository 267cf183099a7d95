using Microsoft.AspNetCore.Authorization;

namespace PropertyHub.Features.Accounts.Access;

public static class AccessExtensions
{
    /// <summary>
    /// Every action of the <see cref="AccessTable"/> as an authorization policy of the same name, and the
    /// <see cref="Permissions"/> check services demand. <see cref="Can.ReadMetrics"/> also admits the scrape token, so
    /// Operations adds its own requirement to that policy.
    /// </summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var rule in AccessTable.Rules.Where(r => r.Action != Can.ReadMetrics))
            builder.AddPolicy(rule.Action, policy => Configure(policy, rule));
        services.AddScoped<Permissions>();
        return services;
    }

    private static void Configure(AuthorizationPolicyBuilder policy, AccessRule rule)
    {
        if (rule.Anyone)
            policy.RequireAssertion(_ => true);
        else if (rule.AnySignedIn)
            policy.RequireAuthenticatedUser();
        else if (rule.Roles.Count > 0)
            policy.RequireRole(rule.Roles);
        else
            // Only the system does it: no signed-in user passes.
            policy.RequireAssertion(_ => false);
    }
}

using Bunit.TestDoubles;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Tests.Testing;

/// <summary>bUnit's fake authorization knows policies only by name: give the roles' policies from the access table.</summary>
public static class AccessForBunit
{
    public static BunitAuthorizationContext SetAccess(this BunitAuthorizationContext auth, params string[] roles) =>
        auth.SetRoles(roles).SetPolicies([.. AccessTable.Rules.Where(r => roles.Any(r.AllowsRole)).Select(r => r.Action)]);
}

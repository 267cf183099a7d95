using Hangfire.Dashboard;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>The Hangfire dashboard is for supervisors, managers and admins (the default filter only allows local requests).</summary>
internal sealed class DutiesDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return AccessTable.Allows(Can.SeeDuties, user);
    }
}

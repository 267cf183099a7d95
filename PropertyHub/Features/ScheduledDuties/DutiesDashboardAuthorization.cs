using Hangfire.Dashboard;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// The Hangfire dashboard is for supervisors, managers and admins (the default filter only allows local requests), and
/// read-only for all but admins: a post from anyone else is refused (403), so nobody but an admin triggers, requeues or
/// deletes a job, whatever the page shows. The one post left to them is the live counters' (<c>/jobs/stats</c>), which
/// only reads.
/// </summary>
internal sealed class DutiesDashboardAuthorization : IDashboardAuthorizationFilter
{
    private const string StatsPath = "/stats";

    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true || !AccessTable.Allows(Can.SeeDuties, user))
            return false;
        return !IsReadOnly(context) || !HttpMethods.IsPost(context.Request.Method)
            || string.Equals(context.Request.Path, StatsPath, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsReadOnly(DashboardContext context) => !AccessTable.Allows(Can.ManageJobs, context.GetHttpContext().User);
}

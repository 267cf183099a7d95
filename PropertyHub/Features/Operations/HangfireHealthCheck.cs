using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PropertyHub.Features.Operations;

/// <summary>Ready when Hangfire's storage answers and, where the server runs here, it has checked in.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            var expectServer = configuration.GetValue("ScheduledDuties:Enabled", true);
            return Task.FromResult(expectServer && servers == 0
                ? HealthCheckResult.Degraded("No Hangfire server has checked in yet")
                : HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage unreachable", ex));
        }
    }
}

using Hangfire.Common;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// Counts each run of the recurring jobs without periods (<see cref="RecurringJobInfo"/>) as Hangfire performs it, in
/// <see cref="JobTally"/>. It reaches this host's Hangfire server through the filter provider in the container (see
/// <see cref="JobTallyFilterProvider"/>), not Hangfire's global filters, so test hosts in one process do not count each
/// other's jobs. Counting never fails the job. A singleton (Hangfire keeps its filters): the database is reached through
/// a scope of its own for every run counted.
/// </summary>
internal sealed class JobTallyFilter(IServiceScopeFactory scopes, IEnumerable<RecurringJobInfo> jobs, TimeProvider clock,
    ILogger<JobTallyFilter> logger) : IServerFilter
{
    private const string StartedKey = "propertyhub:tally-started";
    private readonly HashSet<string> counted = jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = clock.GetUtcNow();

    public void OnPerformed(PerformedContext context)
    {
        var id = context.GetJobParameter<string>("RecurringJobId", allowStale: true);
        if (id is null || !counted.Contains(id))
            return;
        var started = context.Items.TryGetValue(StartedKey, out var at) && at is DateTimeOffset s ? s : clock.GetUtcNow();
        var error = context.Exception is { } ex && !context.ExceptionHandled ? Describe(ex) : null;
        try
        {
            RecordAsync(id, started, clock.GetUtcNow(), error).GetAwaiter().GetResult();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            logger.LogWarning(failure, "The run of recurring job {Job} could not be counted", id);
        }
    }

    private static string Describe(Exception ex)
    {
        // Hangfire wraps the job's own exception; the page shows the job's.
        var inner = ex is JobPerformanceException { InnerException: { } cause } ? cause : ex;
        var text = $"{inner.GetType().Name}: {inner.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>Adds one run to the job's tally: an atomic increment, or the first row (another instance may insert it first).</summary>
    internal async Task RecordAsync(string id, DateTimeOffset started, DateTimeOffset finished, string? error)
    {
        var status = error is null ? RunStatus.Succeeded : RunStatus.Failed;
        var failed = error is null ? 0 : 1;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.IsBackground = true;
        for (var attempt = 0; ; attempt++)
        {
            var changed = await db.JobTallies.Where(t => t.JobId == id).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Runs, t => t.Runs + 1)
                .SetProperty(t => t.Failures, t => t.Failures + failed)
                .SetProperty(t => t.LastStatus, status)
                .SetProperty(t => t.LastStartedAt, started)
                .SetProperty(t => t.LastFinishedAt, finished)
                .SetProperty(t => t.LastError, error));
            if (changed > 0)
                return;
            db.JobTallies.Add(new JobTally
            {
                JobId = id, Runs = 1, Failures = failed, LastStatus = status, LastStartedAt = started, LastFinishedAt = finished, LastError = error,
            });
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another instance counted the first run at the same moment: count on its row.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>Hangfire's own filters (global and attributes) plus this host's <see cref="JobTallyFilter"/>.</summary>
internal sealed class JobTallyFilterProvider(JobTallyFilter tally) : IJobFilterProvider
{
    private readonly JobFilter filter = new(tally, JobFilterScope.Global, null);

    public IEnumerable<JobFilter> GetFilters(Job job) => JobFilterProviders.Providers.GetFilters(job).Append(filter);
}

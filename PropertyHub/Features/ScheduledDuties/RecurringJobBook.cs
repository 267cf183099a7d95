using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// What this instance registered as recurring jobs (every registration goes through Hangfire's
/// <see cref="IRecurringJobManager"/>, recorded by <see cref="RecordingRecurringJobManager"/>), so the duties page can tell
/// when one has gone from Hangfire's storage (removed on the dashboard) and put it back exactly as it was registered.
/// Each start registers every job again, so a removed one also comes back at the next start.
/// </summary>
public sealed class RecurringJobBook(JobStorage storage)
{
    internal sealed record Registration(Job Job, string Cron, RecurringJobOptions Options);

    private readonly ConcurrentDictionary<string, Registration> registered = new(StringComparer.Ordinal);

    /// <summary>Whether this instance registered the job and so can register it again.</summary>
    public bool CanRestore(string id) => registered.ContainsKey(id);

    /// <summary>The ids of the recurring jobs Hangfire's storage holds now.</summary>
    public IReadOnlySet<string> Scheduled()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Registers the job again as it was last registered; false when this instance never registered it.</summary>
    internal bool Restore(string id, IRecurringJobManager manager)
    {
        if (!registered.TryGetValue(id, out var registration))
            return false;
        manager.AddOrUpdate(id, registration.Job, registration.Cron, registration.Options);
        return true;
    }

    internal void Remember(string id, Job job, string cron, RecurringJobOptions options) => registered[id] = new Registration(job, cron, options);

    internal void Forget(string id) => registered.TryRemove(id, out _);
}

/// <summary>Hangfire's recurring-job manager, recording in the <see cref="RecurringJobBook"/> what the app registers and removes.</summary>
internal sealed class RecordingRecurringJobManager(IRecurringJobManager inner, RecurringJobBook book) : IRecurringJobManager
{
    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
    {
        inner.AddOrUpdate(recurringJobId, job, cronExpression, options);
        book.Remember(recurringJobId, job, cronExpression, options);
    }

    public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

    public void RemoveIfExists(string recurringJobId)
    {
        inner.RemoveIfExists(recurringJobId);
        book.Forget(recurringJobId);
    }
}

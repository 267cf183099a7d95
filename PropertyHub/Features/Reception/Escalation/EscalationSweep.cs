using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Escalation;

/// <summary>
/// Raises open items by themselves (SPEC §2): at the warning time to the supervisors, at the deadline to the
/// manager, marking the item overdue for good. Each step happens once, however often and however many sweeps
/// run at the same time: a step is saved against the item's version, and a sweep that loses the race skips it.
/// Items are read in batches through the (Status, WarnAt) and (Status, DueAt) indexes, never all at once.
/// </summary>
public sealed class EscalationSweep(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    IWorkQueueEvents events,
    TimeProvider clock,
    ILogger<EscalationSweep> logger)
{
    public const string JobId = "reception-escalation";
    public static readonly string Cron = Hangfire.Cron.Minutely();
    public const int DefaultBatchSize = 200;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Hangfire's entry point: one sweep at the current time.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await SweepAsync(cancellationToken);
        if (result.Total > 0)
            logger.LogInformation("Escalation sweep raised {Warned} items to the supervisors and {Overdue} overdue items to the manager", result.Warned, result.Overdue);
    }

    /// <summary>Does the steps that are due now and returns how many this sweep did (not those another sweep won).</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(Can.EscalateOverdueItems, cancellationToken);
        var now = clock.GetUtcNow();
        // The warning first: an item whose warning and deadline have both come goes up one level at a time.
        var warned = await StepAsync(EscalationStep.Warn, now, cancellationToken);
        var overdue = await StepAsync(EscalationStep.Overdue, now, cancellationToken);
        return new SweepResult(warned, overdue);
    }

    private async Task<int> StepAsync(EscalationStep step, DateTimeOffset now, CancellationToken ct)
    {
        var done = 0;
        DateTimeOffset? afterAt = null;
        var afterId = 0;
        while (true)
        {
            var batch = await BatchAsync(step, now, afterAt, afterId, ct);
            foreach (var item in batch)
            {
                if (await ApplyAsync(step, item, now, ct))
                    done++;
            }
            if (batch.Count < BatchSize)
                return done;
            var last = batch[^1];
            afterAt = step == EscalationStep.Warn ? last.WarnAt : last.DueAt;
            afterId = last.Id;
        }
    }

    /// <summary>The next batch of open items whose time for the step has come, in (time, id) order after the last one seen.</summary>
    private async Task<List<ServiceRequest>> BatchAsync(EscalationStep step, DateTimeOffset now, DateTimeOffset? afterAt, int afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.ServiceRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Open);
        IQueryable<ServiceRequest> query;
        if (step == EscalationStep.Warn)
        {
            query = open.Where(r => r.WarnAt != null && r.WarnAt <= now && r.Level == EscalationLevel.None);
            if (afterAt is { } at)
                query = query.Where(r => r.WarnAt > at || (r.WarnAt == at && r.Id > afterId));
            query = query.OrderBy(r => r.WarnAt).ThenBy(r => r.Id);
        }
        else
        {
            query = open.Where(r => r.DueAt != null && r.DueAt <= now && !r.IsOverdue);
            if (afterAt is { } at)
                query = query.Where(r => r.DueAt > at || (r.DueAt == at && r.Id > afterId));
            query = query.OrderBy(r => r.DueAt).ThenBy(r => r.Id);
        }
        return await query.Take(BatchSize).Include(r => r.Unit).ThenInclude(u => u!.Building).ToListAsync(ct);
    }

    /// <summary>Saves one step against the version read; false when another writer changed the item first.</summary>
    private async Task<bool> ApplyAsync(EscalationStep step, ServiceRequest item, DateTimeOffset now, CancellationToken ct)
    {
        var unit = item.Unit;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        item.Unit = null;
        item.Timeline = [];
        db.ServiceRequests.Attach(item);
        EscalationLevel level;
        if (step == EscalationStep.Warn)
        {
            // A VIP's item goes to their service manager first (P1§12).
            level = ReceptionService.NextLevel(item);
        }
        else
        {
            level = EscalationLevel.Manager;
            item.IsOverdue = true;
        }
        item.Level = level;
        var entry = ReceptionService.Entry(TimelineKind.Escalated, Actor.System, now, level: level);
        entry.ServiceRequestId = item.Id;
        db.TimelineEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sweep, or a person, changed the item since it was read: theirs stands. If the step is still
            // due, the next sweep does it against the fresh version.
            logger.LogDebug("Escalation of request {RequestId} skipped: changed meanwhile", item.Id);
            return false;
        }
        item.Unit = unit;
        logger.LogInformation("Request {RequestId} escalated to {Level} at step {Step}", item.Id, level, step);
        await PublishAsync(item, unit, now);
        return true;
    }

    private async Task PublishAsync(ServiceRequest item, Registry.Unit? unit, DateTimeOffset now)
    {
        try
        {
            await events.PublishAsync(ReceptionService.ToEvent(item, unit, WorkQueueEventKind.Escalated, now));
        }
        catch (Exception ex)
        {
            // The step is stored; the event is only a hint to live pages, which re-read the database.
            logger.LogWarning(ex, "Escalation of request {RequestId} saved but not announced", item.Id);
        }
    }
}

public enum EscalationStep
{
    /// <summary>The warning time came: raised to the supervisors.</summary>
    Warn,
    /// <summary>The deadline passed: raised to the manager and overdue for good.</summary>
    Overdue,
}

public readonly record struct SweepResult(int Warned, int Overdue)
{
    public int Total => Warned + Overdue;
}

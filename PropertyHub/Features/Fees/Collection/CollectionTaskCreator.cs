using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Collection;

/// <summary>
/// Creates one collection task per payment request still unpaid after its due date: the month's requests and older
/// ones (arrears) that have no task yet. "After" is the estate's date: a request issued late (catch-up after downtime)
/// has a later due date than the 20th, and waits for it — the next month's run picks it up. Exactly once per request: the unique request key refuses a second task, so a
/// second run, a concurrent run or the run after a crash only creates what is still missing.
/// </summary>
public sealed class CollectionTaskCreator(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    EstateTime estateTime,
    TimeProvider clock,
    IOptions<CollectionOptions> options,
    ILogger<CollectionTaskCreator> logger)
{
    private sealed record Unpaid(int RequestId, int EstateId, int BuildingId, int UnitId);

    /// <summary>Creates the tasks still missing for requests of <paramref name="month"/> and before; returns how many it created.</summary>
    public async Task<int> CreateAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await permissions.DemandAsync(Can.CreateCollectionTasks, cancellationToken);
        var created = 0;
        var afterId = 0;
        while (true)
        {
            var (last, batch) = await NextBatchAsync(month, afterId, cancellationToken);
            if (last is null)
                break;
            afterId = last.Value;
            if (batch.Count == 0)
                continue;
            created += await UniqueBatches.WriteAsync(batch, some => InsertAsync(some, cancellationToken));
        }
        logger.LogInformation("Created {Count} collection tasks up to {Month}", created, month);
        return created;
    }

    /// <summary>
    /// The next requests (by id) of the month or before that have no task yet; the unpaid ones past their due date
    /// among them are picked here, in memory, because SQLite cannot compare decimals and "today" is each estate's own.
    /// Last is null at the end.
    /// </summary>
    private async Task<(int? Last, List<Unpaid> Batch)> NextBatchAsync(DateOnly month, int afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PaymentRequests.AsNoTracking()
            .Where(r => r.Id > afterId && r.Month <= month && !db.CollectionTasks.Any(t => t.PaymentRequestId == r.Id))
            .OrderBy(r => r.Id)
            .Take(options.Value.BatchSize)
            .Select(r => new { r.Id, r.EstateId, r.BuildingId, r.UnitId, r.DueDate, r.Total, r.Paid })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return (null, []);
        var unpaid = rows.Where(r => r.Total > r.Paid && r.DueDate < estateTime.Today(r.EstateId)).Select(r => new Unpaid(r.Id, r.EstateId, r.BuildingId, r.UnitId)).ToList();
        return (rows[^1].Id, unpaid);
    }

    private async Task<int> InsertAsync(IReadOnlyList<Unpaid> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        db.CollectionTasks.AddRange(batch.Select(r => new CollectionTask
        {
            EstateId = r.EstateId,
            BuildingId = r.BuildingId,
            UnitId = r.UnitId,
            PaymentRequestId = r.RequestId,
            Status = CollectionStatus.Open,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return batch.Count;
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// A renovation change that must be all or nothing: one transaction per attempt, inside the execution strategy.
/// A unique key hit meanwhile (a first-of-the-year receipt number, a second collection, a pass ordinal taken) rolls
/// everything back and is tried again, where the rules then see what was saved.
/// </summary>
public static class RenovationTransactions
{
    private const int Attempts = 5;

    public static async Task<RenovationResult> RunAsync(IDbContextFactory<AppDbContext> dbFactory, Func<AppDbContext, Task<RenovationResult>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    // A retried attempt starts from the database again, not from what the failed one tracked.
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var result = await work(db);
                    if (result.Ok)
                        await transaction.CommitAsync(ct);
                    return result;
                });
            }
            catch (DbUpdateException e) when (attempt < Attempts && DbErrors.IsUniqueViolation(e))
            {
            }
        }
    }
}

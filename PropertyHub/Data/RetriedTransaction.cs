using Microsoft.EntityFrameworkCore;

namespace PropertyHub.Data;

/// <summary>
/// Work that must be all or nothing and may lose a race: one transaction per attempt, inside the execution strategy,
/// on a fresh context. When a save loses (a unique key taken meanwhile, a version moved — whatever
/// <paramref name="lostRace"/> says), everything is rolled back and the work runs again, where its rules then see what
/// the winner saved. The transaction commits only when <paramref name="commit"/> says the result is a success.
/// </summary>
public static class RetriedTransaction
{
    public const int Attempts = 5;

    public static async Task<T> RunAsync<T>(IDbContextFactory<AppDbContext> dbFactory, Func<AppDbContext, Task<T>> work, Func<T, bool> commit,
        Func<DbUpdateException, bool> lostRace, CancellationToken ct)
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
                    if (commit(result))
                        await transaction.CommitAsync(ct);
                    return result;
                });
            }
            catch (DbUpdateException e) when (attempt < Attempts && lostRace(e))
            {
            }
        }
    }
}

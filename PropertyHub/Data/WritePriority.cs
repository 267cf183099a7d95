using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PropertyHub.Data;

/// <summary>
/// People first: counts the saves of people (a clerk logging a call, a payment at the counter) that are under way, so
/// that a duty writing in long batches waits between two batches until they are through. On SQLite, whose single
/// writer lock is taken by whoever retries first, this keeps a clerk from waiting seconds behind a monthly run.
/// And a duty's SQLite transaction is <see cref="Hold">held</see> here while under way: a person's save in this
/// process waits for its commit on a signal and begins at once after it, instead of on SQLite's busy-handler steps
/// (which sleep 1, 2, 5, 10, 15, 20, 25… ms between tries, so a clerk would wait up to the next step).
/// </summary>
public sealed class WritePriority
{
    internal static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(2);
    private int waiting;
    private TaskCompletionSource? held;

    public int Waiting => Volatile.Read(ref waiting);

    public IDisposable Enter()
    {
        Interlocked.Increment(ref waiting);
        return new Exit(this);
    }

    /// <summary>For duties, between batches: waits while people's saves are under way (at most two seconds).</summary>
    public async Task YieldAsync(CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        while (Waiting > 0 && Stopwatch.GetElapsedTime(start) < MaxYield)
            await Task.Delay(2, ct);
    }

    /// <summary>For a duty's SQLite transaction: from before it begins until it has committed or rolled back.</summary>
    public IDisposable Hold()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref held, hold);
        return new Release(this, hold);
    }

    /// <summary>Completes when no duty's transaction is held (at once when none is).</summary>
    public Task Released => Volatile.Read(ref held)?.Task ?? Task.CompletedTask;

    private sealed class Release(WritePriority priority, TaskCompletionSource hold) : IDisposable
    {
        public void Dispose()
        {
            Interlocked.CompareExchange(ref priority.held, null, hold);
            hold.TrySetResult();
        }
    }

    private sealed class Exit(WritePriority priority) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
                Interlocked.Decrement(ref priority.waiting);
        }
    }
}

/// <summary>Counts a person's transaction as under way while it waits to begin (that is where SQLite waits for the lock).</summary>
internal sealed class WritePriorityInterceptor : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Begin(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData.Context);
        // A person's save waits for the duty's transaction under way to commit (it commits early, having seen the
        // person waiting), then begins at once; at most as long as a duty yields, then it tries its luck with SQLite.
        if (eventData.Context is AppDbContext { IsBackground: false, Writes: { } writes } && !writes.Released.IsCompleted)
        {
            try
            {
                await writes.Released.WaitAsync(WritePriority.MaxYield, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        End(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => End(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Begin(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is AppDbContext { IsBackground: false, Writes: { } writes } db)
            db.BeginningTransaction = writes.Enter();
    }

    private static void End(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is AppDbContext db)
        {
            db.BeginningTransaction?.Dispose();
            db.BeginningTransaction = null;
        }
    }
}

using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PropertyHub.Data;

namespace PaymentRequestRun;

/// <summary>
/// Where a run's time goes, seen from outside the issuer: its transactions (duties' contexts only) split into waiting
/// to begin (SQLite's write lock), the work inside, and the commit; the rest of the run is reading and computing
/// between transactions. EF Core's own statements of the run (its reads) are timed too, inside and outside transactions.
/// </summary>
internal sealed class RunSections : IDbTransactionInterceptor, IDbCommandInterceptor
{
    private long begin, inside, commit, efInside, efOutside, transactions, stamp;

    public void Reset() => begin = inside = commit = efInside = efOutside = transactions = stamp = 0;

    public string Describe(TimeSpan run)
    {
        static double S(long ticks) => ticks / (double)Stopwatch.Frequency;
        var inTransactions = S(begin + inside + commit);
        return $"{transactions:N0} transactions: begin (waiting for the lock) {S(begin):F1} s, work inside {S(inside):F1} s "
            + $"(EF reads {S(efInside):F1} s of it), commit {S(commit):F1} s; outside transactions {run.TotalSeconds - inTransactions:F1} s "
            + $"(EF reads {S(efOutside):F1} s of it)";
    }

    private static bool Counts(Microsoft.EntityFrameworkCore.DbContext? context) => context is AppDbContext { IsBackground: true };

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Counts(eventData.Context))
            stamp = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        if (Counts(eventData.Context))
            begin += Lap();
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (Counts(eventData.Context))
            inside += Lap();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Counts(eventData.Context))
        {
            commit += Lap();
            transactions++;
        }
        return Task.CompletedTask;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Counts(eventData.Context))
        {
            if (command.Transaction is null)
                efOutside += eventData.Duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
            else
                efInside += eventData.Duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        }
        return ValueTask.FromResult(result);
    }

    private long Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var lap = now - stamp;
        stamp = now;
        return lap;
    }
}

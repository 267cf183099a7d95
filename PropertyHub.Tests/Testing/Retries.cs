using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PropertyHub.Tests.Testing;

/// <summary>
/// SQL Server's stand-in for the SQLite tests: a strategy that retries (so EF Core refuses, as it does on SQL Server
/// with EnableRetryOnFailure, any transaction opened outside it), and retries the failures <see cref="OneFault"/> injects.
/// </summary>
public sealed class RetryingTestStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.Zero)
{
    protected override bool ShouldRetryOn(Exception exception) => exception is InjectedTransientException;
}

public sealed class InjectedTransientException() : DbException("Injected transient failure");

public enum FaultPoint
{
    /// <summary>Just before a transaction commits: everything the attempt wrote is rolled back.</summary>
    Commit,

    /// <summary>Instead of the INSERT of audit rows.</summary>
    AuditInsert,
}

/// <summary>
/// Throws one transient failure at the armed point, then lets everything through. The failure is one the provider's
/// strategy retries: <see cref="InjectedTransientException"/> for <see cref="RetryingTestStrategy"/>, for Npgsql's
/// strategy a <see cref="NpgsqlException"/> caused by a timeout (what a dropped connection looks like).
/// </summary>
public sealed class OneFault(bool postgres)
{
    private int armed;
    private int thrown;
    private FaultPoint point;

    public int Thrown => Volatile.Read(ref thrown);

    public IInterceptor[] Interceptors => [new CommitFault(this), new CommandFault(this)];

    public void Arm(FaultPoint at)
    {
        point = at;
        Volatile.Write(ref armed, 1);
    }

    private void At(FaultPoint here)
    {
        if (here == point && Interlocked.Exchange(ref armed, 0) == 1)
        {
            Interlocked.Increment(ref thrown);
            throw postgres ? new NpgsqlException("Injected transient failure", new TimeoutException()) : new InjectedTransientException();
        }
    }

    private sealed class CommitFault(OneFault fault) : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            fault.At(FaultPoint.Commit);
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            fault.At(FaultPoint.Commit);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CommandFault(OneFault fault) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        private void Check(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal))
                fault.At(FaultPoint.AuditInsert);
        }
    }
}

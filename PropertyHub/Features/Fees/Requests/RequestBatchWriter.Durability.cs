using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>
/// The run's connection settings and its durability: commits that do not wait for the disk while the run writes, and
/// one flush before it returns (see <see cref="FinishAsync"/>); the connection's defaults put back when it ends.
/// </summary>
internal sealed partial class RequestBatchWriter
{
    /// <summary>
    /// SQLite: a page cache big enough for a whole transaction (64 MB; SQLite's default is 2 MB, and a page of units
    /// writes several), so that pages are not written out and read back before the commit; and commits that do not wait
    /// for the disk (synchronous NORMAL: in WAL mode a commit is then one write to the log, and the log is flushed at
    /// checkpoints) — see <see cref="FinishAsync"/>. Both put back when the run ends (the connection goes back to the pool).
    /// </summary>
    private const string SqliteForRun = "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL;";

    /// <summary>SQLite's defaults, which the app does not change: a 2 MB cache, and every commit flushed (FULL).</summary>
    private const string SqliteDefaults = "PRAGMA cache_size = -2000; PRAGMA synchronous = FULL;";

    /// <summary>
    /// PostgreSQL: the run's transactions commit without waiting for their log to be flushed (per transaction only;
    /// everybody else's commits keep waiting) — see <see cref="FinishAsync"/>.
    /// </summary>
    private const string PostgresForTransaction = "SET LOCAL synchronous_commit = off";

    /// <summary>
    /// PostgreSQL: a transaction with a transaction id commits with a log record, and with synchronous_commit on waits until
    /// the log is flushed up to it — and so past every earlier commit of the run.
    /// </summary>
    private const string PostgresFlush = "SELECT txid_current()";

    private bool sqliteSet;
    private bool sqliteFull;

    /// <summary>
    /// SQLite: while people are saving, the run's commits sync the log themselves (FULL), so that a person's commit,
    /// which syncs the log, does not flush the run's pages written since the last sync; otherwise NORMAL.
    /// </summary>
    private async Task SqliteSyncAsync(bool full, CancellationToken ct)
    {
        if (!sqliteSet || full == sqliteFull)
            return;
        await db.Database.ExecuteSqlRawAsync(full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", ct);
        sqliteFull = full;
    }
    private bool unflushed;

    private async Task OpenAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (!db.Database.IsSqlite())
            return;
        await db.Database.ExecuteSqlRawAsync(SqliteForRun, ct);
        sqliteSet = true;
    }

    /// <summary>
    /// Makes the run durable before it returns. Its transactions did not each wait for the disk: a crash of the machine
    /// (not of the app) could undo the last of them, whole — never half of one — and a run again would issue them,
    /// exactly once, since the unique key only sees what is stored. Here the log is flushed past every one of them:
    /// on SQLite a checkpoint (which syncs the log, copies it into the database and syncs that), on PostgreSQL one
    /// synchronous commit.
    /// </summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        if (!unflushed)
            return;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL", ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)", ct);
                sqliteSet = false;
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct);
            }
            else if (db.Database.IsNpgsql())
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(PostgresFlush, ct);
                await transaction.CommitAsync(ct);
            }
        });
        unflushed = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (bulk is not null)
            await bulk.DisposeAsync();
        if (sqliteSet && db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            await db.Database.ExecuteSqlRawAsync(SqliteDefaults);
        await db.DisposeAsync();
    }
}

using System.Collections.Concurrent;

namespace PropertyHub.Features.Reception.Queue;

/// <summary>
/// Keeps a live page in step with the work-queue bus: a burst of events leads to one re-read after a short
/// pause, and so does a reconnect. Events are hints; the page reads the database. Dispose to unsubscribe.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(250);

    private readonly Func<Task> refresh;
    private readonly Func<WorkQueueEvent, bool> relevant;
    private readonly CircuitConnection? connection;
    private readonly ILogger logger;
    private readonly IDisposable subscription;
    private readonly Timer timer;
    private readonly TimeSpan delay;
    private readonly ConcurrentDictionary<int, byte> created = new();
    private int pending;
    private int disposed;

    /// <param name="refresh">Re-reads the page; the component passes it wrapped in InvokeAsync.</param>
    public LiveRefresh(IWorkQueueEvents events, CircuitConnection? connection, Func<WorkQueueEvent, bool> relevant,
        Func<Task> refresh, ILogger logger, TimeSpan? delay = null)
    {
        this.refresh = refresh;
        this.relevant = relevant;
        this.connection = connection;
        this.logger = logger;
        this.delay = delay ?? DefaultDelay;
        timer = new Timer(_ => _ = FireAsync(), null, Timeout.Infinite, Timeout.Infinite);
        subscription = events.Subscribe(OnEventAsync);
        if (connection is not null)
            connection.Reconnected += OnReconnectedAsync;
    }

    /// <summary>Items created since the last call: the page highlights them.</summary>
    public IReadOnlySet<int> TakeCreated()
    {
        var ids = created.Keys.ToHashSet();
        foreach (var id in ids)
            created.TryRemove(id, out _);
        return ids;
    }

    private Task OnEventAsync(WorkQueueEvent e)
    {
        if (!relevant(e))
            return Task.CompletedTask;
        if (e.Kind == WorkQueueEventKind.Created)
            created.TryAdd(e.RequestId, 0);
        Schedule();
        return Task.CompletedTask;
    }

    private Task OnReconnectedAsync()
    {
        Schedule();
        return Task.CompletedTask;
    }

    private void Schedule()
    {
        if (Volatile.Read(ref disposed) == 0 && Interlocked.Exchange(ref pending, 1) == 0)
            timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private async Task FireAsync()
    {
        Interlocked.Exchange(ref pending, 0);
        if (Volatile.Read(ref disposed) != 0)
            return;
        try
        {
            await refresh();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "A live queue page failed to re-read");
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        subscription.Dispose();
        if (connection is not null)
            connection.Reconnected -= OnReconnectedAsync;
        timer.Dispose();
    }
}

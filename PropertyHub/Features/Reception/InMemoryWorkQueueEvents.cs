using System.Collections.Immutable;
using PropertyHub.Features.Operations;

namespace PropertyHub.Features.Reception;

/// <summary>The bus of a single instance: handlers are called in turn; one failing handler does not stop the others.</summary>
public sealed class InMemoryWorkQueueEvents(ILogger<InMemoryWorkQueueEvents> logger) : IWorkQueueEvents
{
    private ImmutableList<Func<WorkQueueEvent, Task>> handlers = [];

    public async Task PublishAsync(WorkQueueEvent e)
    {
        Telemetry.CountQueueEvent(e.Kind);
        foreach (var handler in handlers)
        {
            try
            {
                await handler(e);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A work-queue subscriber failed on {Kind} of request {RequestId}", e.Kind, e.RequestId);
            }
        }
    }

    public IDisposable Subscribe(Func<WorkQueueEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref handlers, list => list.Remove(handler)));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}

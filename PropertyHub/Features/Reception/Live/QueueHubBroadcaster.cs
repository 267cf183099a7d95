using Microsoft.AspNetCore.SignalR;

namespace PropertyHub.Features.Reception.Live;

/// <summary>Republishes every work-queue event to the clients of <see cref="QueueHub"/>.</summary>
internal sealed class QueueHubBroadcaster(IWorkQueueEvents events, IHubContext<QueueHub> hub, ILogger<QueueHubBroadcaster> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe(BroadcastAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task BroadcastAsync(WorkQueueEvent e)
    {
        try
        {
            await hub.Clients.All.SendAsync(QueueHub.EventMethod, e);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not broadcast {Kind} of request {RequestId} on the queue hub", e.Kind, e.RequestId);
        }
    }
}

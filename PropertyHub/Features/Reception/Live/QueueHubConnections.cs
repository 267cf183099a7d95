using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Reception.Live;

/// <summary>
/// The open <see cref="QueueHub"/> connections on this instance, so that a user who is disabled or whose roles change
/// is cut off at once (a WebSocket would otherwise keep receiving until it closes by itself). Revocations from other
/// instances arrive through <see cref="SessionRevocations"/> as well.
/// </summary>
public sealed class QueueHubConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, HubCallerContext> open = new(StringComparer.Ordinal);
    private readonly SessionRevocations revocations;
    private readonly ILogger<QueueHubConnections> logger;

    public QueueHubConnections(SessionRevocations revocations, ILogger<QueueHubConnections> logger)
    {
        this.revocations = revocations;
        this.logger = logger;
        revocations.Revoked += OnRevoked;
    }

    /// <summary>How many connections are open for the user on this instance.</summary>
    public int CountFor(string userId) => open.Values.Count(c => c.UserIdentifier == userId);

    internal void Add(HubCallerContext connection) => open[connection.ConnectionId] = connection;

    internal void Remove(HubCallerContext connection) => open.TryRemove(connection.ConnectionId, out _);

    private void OnRevoked(SessionRevocation revocation)
    {
        foreach (var connection in open.Values.Where(c => c.UserIdentifier == revocation.UserId))
        {
            logger.LogInformation("Queue hub connection {ConnectionId} of user {UserId} aborted ({Reason})",
                connection.ConnectionId, revocation.UserId, revocation.Reason);
            open.TryRemove(connection.ConnectionId, out _);
            connection.Abort();
        }
    }

    public void Dispose() => revocations.Revoked -= OnRevoked;
}

namespace PropertyHub.Features.Accounts;

/// <summary>Why a user's open sessions end: they were disabled, or their roles changed (they sign in again with the new ones).</summary>
public enum SessionRevocationReason
{
    Disabled,
    RolesChanged,
}

public sealed record SessionRevocation(string UserId, SessionRevocationReason Reason);

/// <summary>
/// Ends a user's open sessions on this instance: every listener (the user's circuits, their <c>/hubs/queue</c>
/// connections) acts on <see cref="Revoked"/> at once. Other instances hear of it through
/// <see cref="ISessionRevocationBus"/> (Redis when configured), which calls <see cref="Revoke(SessionRevocation)"/> on each.
/// </summary>
public sealed class SessionRevocations(ILogger<SessionRevocations> logger)
{
    public event Action<SessionRevocation>? Revoked;

    /// <summary>Ends the user's sessions on this instance as for a disabled user.</summary>
    public void Revoke(string userId) => Revoke(new SessionRevocation(userId, SessionRevocationReason.Disabled));

    public void Revoke(SessionRevocation revocation)
    {
        // Each listener on its own: one failing circuit must not keep the others open, nor fail the disabling.
        foreach (var listener in Revoked?.GetInvocationList().Cast<Action<SessionRevocation>>() ?? [])
        {
            try
            {
                listener(revocation);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "A session of user {UserId} could not be ended ({Reason})", revocation.UserId, revocation.Reason);
            }
        }
    }
}

/// <summary>Tells every instance to end a user's sessions.</summary>
public interface ISessionRevocationBus
{
    Task PublishAsync(SessionRevocation revocation);
}

/// <summary>One instance: the revocation is acted on here and now.</summary>
internal sealed class InProcessSessionRevocationBus(SessionRevocations revocations) : ISessionRevocationBus
{
    public Task PublishAsync(SessionRevocation revocation)
    {
        revocations.Revoke(revocation);
        return Task.CompletedTask;
    }
}

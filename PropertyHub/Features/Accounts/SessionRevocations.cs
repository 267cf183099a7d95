namespace PropertyHub.Features.Accounts;

/// <summary>
/// Tells open circuits that a user was disabled, so they end at once instead of at the next revalidation.
/// In-process only: with several instances the cookie's per-request security-stamp check and the
/// circuit's periodic revalidation still end the session within a minute.
/// </summary>
public sealed class SessionRevocations(ILogger<SessionRevocations> logger)
{
    public event Action<string>? Revoked;

    public void Revoke(string userId)
    {
        // Each listener on its own: one failing circuit must not keep the others open, nor fail the disabling.
        foreach (var listener in Revoked?.GetInvocationList().Cast<Action<string>>() ?? [])
        {
            try
            {
                listener(userId);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "A circuit could not be told that user {UserId} was revoked", userId);
            }
        }
    }
}

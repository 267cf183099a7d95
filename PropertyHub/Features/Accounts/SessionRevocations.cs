namespace PropertyHub.Features.Accounts;

/// <summary>
/// Tells open circuits that a user was disabled, so they end at once instead of at the next revalidation.
/// In-process only: with several instances the cookie's per-request security-stamp check and the
/// circuit's periodic revalidation still end the session within a minute.
/// </summary>
public sealed class SessionRevocations
{
    public event Action<string>? Revoked;

    public void Revoke(string userId) => Revoked?.Invoke(userId);
}

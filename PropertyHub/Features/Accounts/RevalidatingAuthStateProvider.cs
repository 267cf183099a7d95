using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PropertyHub.Features.Accounts;

/// <summary>
/// Keeps a circuit's user honest: drops the user at once when an admin disables them or changes their roles
/// (on any instance, see <see cref="ISessionRevocationBus"/>); the page then sends them to the sign-in, where they sign
/// in again with their new roles. Also re-checks the security stamp every minute, in case a revocation was lost.
/// </summary>
internal sealed class RevalidatingAuthStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly SessionRevocations revocations;

    public RevalidatingAuthStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, SessionRevocations revocations) : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.revocations = revocations;
        revocations.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    private void OnRevoked(SessionRevocation revocation)
    {
        // Every scope that resolved a provider is subscribed, but only a circuit's (or a prerender's) has a
        // state; the others throw here and hold no session to end.
        Task<AuthenticationState> state;
        try
        {
            state = GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return;
        }
        // A circuit's state is always a completed task (set when the circuit starts). Old roles are not refreshed in
        // place: pages decide what to show when they load, so a signed-out circuit is the only one that forgets them.
        if (state.IsCompletedSuccessfully && state.Result.User.FindFirstValue(ClaimTypes.NameIdentifier) == revocation.UserId)
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.IsDisabled)
            return false;
        var stamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }

    protected override void Dispose(bool disposing)
    {
        revocations.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Live;

/// <summary>
/// <c>/hubs/queue</c>: the work-queue events for clients outside Blazor (wallboards, telephony), for any
/// signed-in staff member with the sign-in cookie. Server to client only: the server calls
/// <see cref="EventMethod"/> with a <see cref="WorkQueueEvent"/> (no personal data beyond unit and kind).
/// The hub has no methods of its own, so a client cannot publish or forge anything: any invocation fails.
/// A user who is disabled or whose roles change is disconnected at once (<see cref="QueueHubConnections"/>).
/// </summary>
[Authorize(Policy = Can.UseStaffPages)]
public sealed class QueueHub(QueueHubConnections connections, SignInManager<AppUser> signIn) : Hub
{
    public const string Path = "/hubs/queue";
    public const string EventMethod = "queueEvent";

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context);
        // Tracked first, then checked: a revocation that lands while this connection was being set up either finds it
        // tracked or has already changed the stamp this check reads.
        if (await signIn.ValidateSecurityStampAsync(Context.User) is not { IsDisabled: false })
        {
            connections.Remove(Context);
            Context.Abort();
        }
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Live;

/// <summary>
/// <c>/hubs/queue</c>: the work-queue events for clients outside Blazor (wallboards, telephony), for any
/// signed-in staff member with the sign-in cookie. Server to client only: the server calls
/// <see cref="EventMethod"/> with a <see cref="WorkQueueEvent"/> (no personal data beyond unit and kind).
/// The hub has no methods of its own, so a client cannot publish or forge anything: any invocation fails.
/// </summary>
[Authorize(Policy = Can.UseStaffPages)]
public sealed class QueueHub : Hub
{
    public const string Path = "/hubs/queue";
    public const string EventMethod = "queueEvent";
}

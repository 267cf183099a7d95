using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using StackExchange.Redis;

namespace QueueLoad.Instance;

/// <summary>
/// This instance's share of the simulated clerks. A clerk is a Blazor Server session, so its save runs in the
/// server's process: each clerk here is one service scope signed in as the demo clerk (as a circuit is) that calls
/// <see cref="ReceptionService.LogAsync"/>, the intake page's own call (the app has no HTTP intake endpoint).
/// </summary>
internal static class Clerks
{
    public static readonly string ClerkEmail = DemoUsers.All.First(u => u.Role == Roles.Clerk).Email;

    /// <summary>
    /// Logs one contact per slot. Each is an inquiry with an agreed reply time one second before the previous slot's,
    /// so it sorts to the top of the queue's first page (most urgent first; a new complaint, due in 72 h, would land
    /// behind 50 earlier ones).
    /// </summary>
    public static async Task<Attempt[]> LogContactsAsync(AppInstance app, Schedule schedule, CancellationToken ct)
    {
        var attempts = new ConcurrentBag<Attempt>();
        await Task.WhenAll(schedule.Slots().GroupBy(s => s.Clerk).Select(async clerk =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await SignInScopeAsync(scope.ServiceProvider, ClerkEmail);
            var reception = scope.ServiceProvider.GetRequiredService<ReceptionService>();
            foreach (var slot in clerk)
            {
                await Clock.UntilAsync(slot.AtMs, ct);
                attempts.Add(await LogAsync(reception, app.Name, schedule, slot, ct));
            }
        }));
        return [.. attempts];
    }

    /// <summary>The baseline: at the same slots, publishes a marker on the echo channel instead of logging a contact.</summary>
    public static async Task<Sent[]> EchoAsync(ISubscriber redis, Schedule schedule, CancellationToken ct)
    {
        var sent = new ConcurrentBag<Sent>();
        var channel = RedisChannel.Literal(InstanceHost.EchoChannel);
        await Task.WhenAll(schedule.Slots().GroupBy(s => s.Clerk).Select(async clerk =>
        {
            foreach (var slot in clerk)
            {
                await Clock.UntilAsync(slot.AtMs, ct);
                var marker = $"LT{schedule.Run}-b{slot.Number}";
                sent.Add(new Sent(marker, Clock.NowMs()));
                await redis.PublishAsync(channel, marker);
            }
        }));
        return [.. sent];
    }

    private static async Task<Attempt> LogAsync(ReceptionService reception, string instance, Schedule schedule, Slot slot, CancellationToken ct)
    {
        var marker = $"LT{schedule.Run}-{slot.Number}";
        var started = Clock.NowMs();
        try
        {
            var result = await reception.LogAsync(new Intake
            {
                EstateId = schedule.EstateId, Kind = RequestKind.Inquiry, Channel = Channel.ServiceLine, Outcome = IntakeOutcome.AgreedReply,
                UnitId = schedule.Units[slot.Number % schedule.Units.Length], CallerName = "Load caller",
                Content = $"{marker} load test inquiry from clerk {slot.Clerk} on {instance}",
                AgreedReplyAt = DateTimeOffset.FromUnixTimeMilliseconds((long)schedule.DueBaseMs).AddSeconds(-slot.Number),
            }, ct);
            return new Attempt(marker, instance, result.Succeeded, started, Clock.NowMs(),
                result.Succeeded ? null : string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Attempt(marker, instance, false, started, Clock.NowMs(), $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Runs the scope as the user, the way a circuit does: the scope's authentication state is that user.</summary>
    private static async Task SignInScopeAsync(IServiceProvider sp, string email)
    {
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException("Demo user missing: " + email);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var provider = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }
}

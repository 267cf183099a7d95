using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Live;
using StackExchange.Redis;

namespace PropertyHub.Tests.Features.Reception;

public sealed class WorkQueueRedisTests(WorkQueueRedisServer redis) : IClassFixture<WorkQueueRedisServer>
{
    private static readonly WorkQueueEvent Sample = new(WorkQueueEventKind.Escalated, 42, 1, RequestKind.Complaint, "A-0101",
        EscalationLevel.Supervisor, Department.Engineering, new DateTimeOffset(2026, 10, 18, 2, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 10, 17, 2, 0, 0, TimeSpan.Zero));

    private RedisWorkQueueEvents NewBus() =>
        new(Options.Create(new RedisOptions { Connection = redis.Connection }), NullLogger<RedisWorkQueueEvents>.Instance);

    private static (ConcurrentQueue<WorkQueueEvent> Seen, Task<WorkQueueEvent> First) Listen(IWorkQueueEvents bus, out IDisposable subscription)
    {
        var seen = new ConcurrentQueue<WorkQueueEvent>();
        var first = new TaskCompletionSource<WorkQueueEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription = bus.Subscribe(e =>
        {
            seen.Enqueue(e);
            first.TrySetResult(e);
            return Task.CompletedTask;
        });
        return (seen, first.Task);
    }

    [RedisFact]
    public async Task Publish_OnOneInstance_ArrivesAtSubscriberOfTheOther()
    {
        await using var one = NewBus();
        await using var other = NewBus();
        await one.StartAsync(CancellationToken.None);
        await other.StartAsync(CancellationToken.None);
        var (_, received) = Listen(other, out var subscription);
        using var _ = subscription;

        await one.PublishAsync(Sample);

        Assert.Equal(Sample, await received.Within());
    }

    [RedisFact]
    public async Task Publish_ThreeEvents_EveryInstanceGetsAllInOrder()
    {
        await using var one = NewBus();
        await using var other = NewBus();
        await one.StartAsync(CancellationToken.None);
        await other.StartAsync(CancellationToken.None);
        var (mine, _) = Listen(one, out var s1);
        var (theirs, _) = Listen(other, out var s2);
        using var _1 = s1;
        using var _2 = s2;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _3 = other.Subscribe(e => { if (e.RequestId == 3) done.TrySetResult(); return Task.CompletedTask; });

        foreach (var id in new[] { 1, 2, 3 })
            await one.PublishAsync(Sample with { RequestId = id });
        await done.Task.ContinueWith(_ => 0).Within();
        for (var i = 0; i < 100 && mine.Count < 3; i++)
            await Task.Delay(50);

        Assert.Equal([1, 2, 3], theirs.Select(e => e.RequestId));
        Assert.Equal([1, 2, 3], mine.Select(e => e.RequestId));
    }

    [RedisFact]
    public async Task Channel_ForeignMessage_IsIgnoredAndLaterEventsStillArrive()
    {
        await using var bus = NewBus();
        await bus.StartAsync(CancellationToken.None);
        var (seen, _) = Listen(bus, out var subscription);
        using var _ = subscription;
        var real = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var __ = bus.Subscribe(e => { real.TrySetResult(); return Task.CompletedTask; });

        await using (var raw = await ConnectionMultiplexer.ConnectAsync(redis.Connection))
        {
            var channel = RedisChannel.Literal(RedisWorkQueueEvents.ChannelName);
            await raw.GetSubscriber().PublishAsync(channel, "<script>alert(1)</script>");
            await raw.GetSubscriber().PublishAsync(channel, "{\"kind\":\"NoSuchKind\"}");
            await raw.GetSubscriber().PublishAsync(channel, JsonSerializer.Serialize(Sample, RedisWorkQueueEvents.Json));
        }
        await real.Task.ContinueWith(_ => 0).Within();

        Assert.Equal(Sample, Assert.Single(seen));
    }

    [RedisFact]
    public async Task App_WithRedisConfigured_HubClientGetsLoggedComplaintThroughRedis()
    {
        await using var factory = new AppFactory();
        factory.Settings["Redis:Connection"] = redis.Connection;
        Assert.IsType<RedisWorkQueueEvents>(factory.Services.GetRequiredService<IWorkQueueEvents>());
        // A second bus on the same Redis stands for another app instance.
        await using var otherInstance = NewBus();
        await otherInstance.StartAsync(CancellationToken.None);
        var (_, atOtherInstance) = Listen(otherInstance, out var subscription);
        using var _ = subscription;
        await using var hub = factory.QueueHub(await factory.SignInCookieAsync(Roles.Supervisor));
        var atHub = new TaskCompletionSource<WorkQueueEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<WorkQueueEvent>(QueueHub.EventMethod, e => atHub.TrySetResult(e));
        await hub.StartAsync();

        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).FirstAsync();
        ReceptionResult? result = null;
        await factory.AsAsync(PropertyHub.Features.Accounts.Roles.Clerk, async sp => result = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = unit.Building!.EstateId, Kind = RequestKind.Complaint, Channel = Channel.Counter, Outcome = IntakeOutcome.Logged,
            UnitId = unit.Id, Content = "The corridor light is broken",
        }));

        Assert.True(result!.Succeeded);
        Assert.Equal(result.Request!.Id, (await atHub.Task.Within()).RequestId);
        Assert.Equal(result.Request.Id, (await atOtherInstance.Within()).RequestId);
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Operations;
using StackExchange.Redis;

namespace PropertyHub.Features.Reception.Live;

/// <summary>
/// The work-queue bus across instances: events go out as JSON on the Redis channel
/// <see cref="ChannelName"/>, and every instance (this one too) hands what arrives to its own subscribers, one
/// event at a time in the order received. Connects when the host starts; a configured Redis that cannot be
/// reached stops the start with the reason. Redis reconnects by itself later on; an event that cannot be sent
/// is logged and dropped (receivers re-read the database: the event is a hint).
/// </summary>
public sealed class RedisWorkQueueEvents(IOptions<RedisOptions> options, ILogger<RedisWorkQueueEvents> logger)
    : IWorkQueueEvents, IHostedService, IAsyncDisposable
{
    public const string ChannelName = "propertyhub:workqueue";
    private static readonly RedisChannel Channel = RedisChannel.Literal(ChannelName);

    /// <summary>camelCase with enums by name, as on the SignalR hub.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly SemaphoreSlim gate = new(1, 1);
    private ImmutableList<Func<WorkQueueEvent, Task>> handlers = [];
    private ConnectionMultiplexer? redis;
    private ChannelMessageQueue? queue;

    public async Task StartAsync(CancellationToken cancellationToken) => await ConnectAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PublishAsync(WorkQueueEvent e)
    {
        Telemetry.CountQueueEvent(e.Kind);
        try
        {
            var subscriber = await ConnectAsync(CancellationToken.None);
            await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(e, Json));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not send {Kind} of request {RequestId} to Redis", e.Kind, e.RequestId);
        }
    }

    public IDisposable Subscribe(Func<WorkQueueEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref handlers, list => list.Remove(handler)));
    }

    private async Task<ISubscriber> ConnectAsync(CancellationToken ct)
    {
        if (redis is { } connected)
            return connected.GetSubscriber();
        await gate.WaitAsync(ct);
        try
        {
            if (redis is null)
            {
                var configuration = ConfigurationOptions.Parse(options.Value.Connection ?? throw new InvalidOperationException("Redis:Connection is not set"));
                configuration.AbortOnConnectFail = false;
                configuration.ClientName ??= "propertyhub";
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
                try
                {
                    var messages = await multiplexer.GetSubscriber().SubscribeAsync(Channel);
                    messages.OnMessage(DeliverAsync);
                    queue = messages;
                }
                catch
                {
                    await multiplexer.DisposeAsync();
                    throw;
                }
                redis = multiplexer;
                logger.LogInformation("Work-queue events go through Redis channel {Channel}", ChannelName);
            }
            return redis.GetSubscriber();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DeliverAsync(ChannelMessage message)
    {
        WorkQueueEvent? e;
        try
        {
            e = JsonSerializer.Deserialize<WorkQueueEvent>(message.Message.ToString(), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a message on {Channel} that is not a work-queue event", ChannelName);
            return;
        }
        if (e is null)
            return;
        foreach (var handler in handlers)
        {
            try
            {
                await handler(e);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A work-queue subscriber failed on {Kind} of request {RequestId}", e.Kind, e.RequestId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (queue is not null)
            await queue.UnsubscribeAsync();
        if (redis is not null)
            await redis.DisposeAsync();
        gate.Dispose();
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}

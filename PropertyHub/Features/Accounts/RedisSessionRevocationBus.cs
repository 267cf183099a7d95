using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Reception.Live;
using StackExchange.Redis;

namespace PropertyHub.Features.Accounts;

/// <summary>
/// Several instances: a revocation goes out as JSON on the Redis channel <see cref="ChannelName"/>, and every
/// instance (this one too) ends the user's sessions it holds. Connects when the host starts; a configured Redis that
/// cannot be reached stops the start with the reason. When a revocation cannot be sent it is acted on here and
/// logged; the other instances still refuse the user's cookie on the next request and re-check open circuits
/// within a minute.
/// </summary>
internal sealed class RedisSessionRevocationBus(SessionRevocations revocations, IOptions<RedisOptions> options, ILogger<RedisSessionRevocationBus> logger)
    : ISessionRevocationBus, IHostedService, IAsyncDisposable
{
    public const string ChannelName = "propertyhub:sessions";
    private static readonly RedisChannel Channel = RedisChannel.Literal(ChannelName);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly SemaphoreSlim gate = new(1, 1);
    private ConnectionMultiplexer? redis;

    public async Task StartAsync(CancellationToken cancellationToken) => await ConnectAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PublishAsync(SessionRevocation revocation)
    {
        try
        {
            var subscriber = await ConnectAsync(CancellationToken.None);
            await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(revocation, Json));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not send the revocation of user {UserId} to Redis: ended on this instance only", revocation.UserId);
            revocations.Revoke(revocation);
        }
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
                configuration.ClientName ??= "propertyhub-sessions";
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
                try
                {
                    // Synchronous and unordered is fine: each message stands alone and only ends sessions.
                    await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => Deliver(message));
                }
                catch
                {
                    await multiplexer.DisposeAsync();
                    throw;
                }
                redis = multiplexer;
            }
            return redis.GetSubscriber();
        }
        finally
        {
            gate.Release();
        }
    }

    private void Deliver(RedisValue message)
    {
        SessionRevocation? revocation;
        try
        {
            revocation = JsonSerializer.Deserialize<SessionRevocation>(message.ToString(), Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a message on {Channel} that is not a revocation", ChannelName);
            return;
        }
        if (revocation is { UserId.Length: > 0 })
            revocations.Revoke(revocation);
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
            await redis.DisposeAsync();
        gate.Dispose();
    }
}

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

    private ConnectionMultiplexer? redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Connection ?? throw new InvalidOperationException("Redis:Connection is not set"));
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "propertyhub-sessions";
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        try
        {
            // Unordered is fine: each message stands alone and only ends sessions.
            await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => Deliver(message));
        }
        catch
        {
            await multiplexer.DisposeAsync();
            throw;
        }
        redis = multiplexer;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PublishAsync(SessionRevocation revocation)
    {
        if (redis is { } connected)
        {
            try
            {
                await connected.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(revocation, Json));
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not send the revocation of user {UserId} to Redis: ended on this instance only", revocation.UserId);
            }
        }
        else
            logger.LogWarning("Not connected to Redis: the revocation of user {UserId} ended on this instance only", revocation.UserId);
        revocations.Revoke(revocation);
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
    }
}

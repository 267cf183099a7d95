using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception.Live;
using PropertyHub.Tests.Features.Reception;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>Two instances of the app on one database and one Redis: a revocation on one ends the sessions held by the other.</summary>
public sealed class SessionRevocationRedisTests(WorkQueueRedisServer redis) : IClassFixture<WorkQueueRedisServer>
{
    private const string Password = "Staff#2026pass";

    [Fact]
    public async Task Publish_RedisNotReached_EndsTheSessionsOnThisInstanceStill()
    {
        var revocations = new SessionRevocations(NullLogger<SessionRevocations>.Instance);
        var ended = new List<SessionRevocation>();
        revocations.Revoked += ended.Add;
        // Never started: not connected, as when Redis was down at the moment of the change.
        await using var bus = new RedisSessionRevocationBus(revocations, Options.Create(new RedisOptions { Connection = "127.0.0.1:1" }),
            NullLogger<RedisSessionRevocationBus>.Instance);

        await bus.PublishAsync(new SessionRevocation("user-x", SessionRevocationReason.RolesChanged));

        Assert.Equal([new SessionRevocation("user-x", SessionRevocationReason.RolesChanged)], ended);
    }

    [RedisFact]
    public async Task Disable_OnHostA_DisconnectsTheUsersHubConnectionOnHostB()
    {
        await using var hostA = new AppFactory();
        hostA.Settings["Redis:Connection"] = redis.Connection;
        _ = hostA.Services;
        await using var hostB = new AppFactory { ConnectionString = hostA.EffectiveConnectionString };
        hostB.Settings["Redis:Connection"] = redis.Connection;
        Assert.IsType<RedisSessionRevocationBus>(hostA.Services.GetRequiredService<ISessionRevocationBus>());
        var email = $"u{Guid.NewGuid():N}@example.test";
        string? id = null;
        await hostA.WithScopeAsync(async sp =>
        {
            Assert.True((await sp.GetRequiredService<UserAdministration>().CreateAsync(new NewStaffUser(email, "测试用户", "测", Password, [Roles.Supervisor]))).Succeeded);
            id = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        });
        await using var atB = hostB.QueueHubOverWebSocket(await hostB.SignInCookieAsync(email, Password));
        var closed = atB.ClosedAsync();
        await atB.StartAsync();
        // Another user's connection on B stays: only the disabled user's end.
        await using var bystander = hostB.QueueHubOverWebSocket(await hostB.SignInCookieAsync(Roles.Supervisor));
        var bystanderClosed = bystander.ClosedAsync();
        await bystander.StartAsync();
        var connectionsAtB = hostB.Services.GetRequiredService<QueueHubConnections>();
        Assert.Equal(1, connectionsAtB.CountFor(id!));

        await hostA.AsAsync(Roles.Admin, async sp => Assert.True((await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(id!, true)).Succeeded));

        await closed.Within("The hub connection on host B stayed open after the user was disabled on host A");
        Assert.Equal(0, connectionsAtB.CountFor(id!));
        Assert.False(bystanderClosed.IsCompleted);
    }
}

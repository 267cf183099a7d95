using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Live;

namespace PropertyHub.Tests.Features.Reception;

public sealed class QueueHubTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(int EstateId, int UnitId, string Label)> UnitAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).OrderByDescending(u => u.Id).FirstAsync();
        return (unit.Building!.EstateId, unit.Id, $"{unit.Building.Code}-{unit.Number}");
    }

    private async Task<ServiceRequest> LogComplaintAsync()
    {
        var (estateId, unitId, _) = await UnitAsync();
        ReceptionResult? result = null;
        await factory.AsAsync(PropertyHub.Features.Accounts.Roles.Clerk, async sp => result = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = estateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
            UnitId = unitId, CallerName = "Mr Lee", Phone = "13912345678", Content = "Noise from the flat above every night",
        }));
        Assert.True(result!.Succeeded);
        return result.Request!;
    }

    [Fact]
    public async Task ComplaintLogged_ThroughReceptionService_ReachesSignedInHubClient()
    {
        var (_, _, label) = await UnitAsync();
        await using var hub = factory.QueueHub(await factory.SignInCookieAsync(Roles.Clerk));
        var received = new ConcurrentQueue<JsonElement>();
        var arrived = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>(QueueHub.EventMethod, e =>
        {
            received.Enqueue(e);
            arrived.TrySetResult(e);
        });
        await hub.StartAsync();

        var request = await LogComplaintAsync();
        var e = await arrived.Task.Within();

        // What a JavaScript client sees: camelCase names, enums by name, the unit label and no personal data.
        Assert.Equal("Created", e.GetProperty("kind").GetString());
        Assert.Equal("Complaint", e.GetProperty("requestKind").GetString());
        Assert.Equal(request.Id, e.GetProperty("requestId").GetInt32());
        Assert.Equal(label, e.GetProperty("unit").GetString());
        Assert.Equal("None", e.GetProperty("level").GetString());
        Assert.Equal(request.DueAt, e.GetProperty("dueAt").GetDateTimeOffset());
        var json = e.GetRawText();
        Assert.DoesNotContain("Mr Lee", json);
        Assert.DoesNotContain("13912345678", json);
        Assert.DoesNotContain("Noise", json);
    }

    [Fact]
    public async Task Events_AnySignedInStaff_ReceivesTypedEvent()
    {
        await using var hub = factory.QueueHub(await factory.SignInCookieAsync(Roles.Engineer));
        var arrived = new TaskCompletionSource<WorkQueueEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<WorkQueueEvent>(QueueHub.EventMethod, e => arrived.TrySetResult(e));
        await hub.StartAsync();

        var request = await LogComplaintAsync();
        var e = await arrived.Task.Within();

        Assert.Equal(WorkQueueEventKind.Created, e.Kind);
        Assert.Equal(RequestKind.Complaint, e.RequestKind);
        Assert.Equal(request.Id, e.RequestId);
    }

    [Fact]
    public async Task Negotiate_NotSignedIn_Returns401()
    {
        var response = await factory.NewClient().PostAsync("/hubs/queue/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Connect_NotSignedInOrForgedCookie_Refused()
    {
        foreach (var cookie in new string?[] { null, "PropertyHub.Auth=forged" })
        {
            await using var hub = factory.QueueHub(cookie);

            var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.Equal(HubConnectionState.Disconnected, hub.State);
        }
    }

    [Fact]
    public async Task Publish_ForgedBySignedInClient_FailsAndBroadcastsNothing()
    {
        var cookie = await factory.SignInCookieAsync(Roles.Supervisor);
        await using var forger = factory.QueueHub(cookie);
        await using var watcher = factory.QueueHub(cookie);
        var seen = new ConcurrentQueue<WorkQueueEvent>();
        var sentinel = new TaskCompletionSource<WorkQueueEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<WorkQueueEvent>(QueueHub.EventMethod, e =>
        {
            seen.Enqueue(e);
            if (e.Kind == WorkQueueEventKind.Created)
                sentinel.TrySetResult(e);
        });
        var onBus = new ConcurrentQueue<WorkQueueEvent>();
        using var _ = factory.Services.GetRequiredService<IWorkQueueEvents>().Subscribe(e =>
        {
            onBus.Enqueue(e);
            return Task.CompletedTask;
        });
        await forger.StartAsync();
        await watcher.StartAsync();
        int before;
        await using (var db = await factory.CreateDbContextAsync())
            before = await db.ServiceRequests.CountAsync();

        var forged = new WorkQueueEvent(WorkQueueEventKind.Escalated, 1, 1, RequestKind.Complaint, "A-0101", EscalationLevel.Manager, null, null, DateTimeOffset.UtcNow);
        await Assert.ThrowsAsync<HubException>(() => forger.InvokeAsync("Publish", forged));
        await Assert.ThrowsAsync<HubException>(() => forger.InvokeAsync("SendAsync", "queueEvent", forged));
        // A real event after the forged ones: events reach a client in order, so anything forged would be seen first.
        var real = await LogComplaintAsync();
        await sentinel.Task.Within();

        var only = Assert.Single(seen);
        Assert.Equal(real.Id, only.RequestId);
        Assert.Equal(real.Id, Assert.Single(onBus).RequestId);
        Assert.Equal(HubConnectionState.Connected, forger.State);
        await using (var db = await factory.CreateDbContextAsync())
            Assert.Equal(before + 1, await db.ServiceRequests.CountAsync());
    }
}

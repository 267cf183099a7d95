using PropertyHub.Features.Accounts.Access;
using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Live;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Reception;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>Disabling a user or changing their roles ends their open hub connections and circuits at once.</summary>
public sealed class SessionRevocationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Password = "Staff#2026pass";

    public enum Change { Disabled, RolesChanged }

    [Theory]
    [InlineData(Change.Disabled)]
    [InlineData(Change.RolesChanged)]
    public async Task HubClientOverWebSocket_UserDisabledOrRolesChanged_IsDisconnectedAndGetsNoMoreEvents(Change change)
    {
        var (id, email) = await NewUserAsync(Roles.Supervisor);
        var cookie = await factory.SignInCookieAsync(email, Password);
        await using var hub = factory.QueueHubOverWebSocket(cookie);
        var received = new List<int>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<WorkQueueEvent>(QueueHub.EventMethod, e =>
        {
            lock (received)
                received.Add(e.RequestId);
            first.TrySetResult();
        });
        var closed = hub.ClosedAsync();
        await hub.StartAsync();
        var before = await factory.LogComplaintAsync("The lift on the east side stops between floors.");
        await first.Task.Within("The event before the change never arrived");
        var connections = factory.Services.GetRequiredService<QueueHubConnections>();
        Assert.Equal(1, connections.CountFor(id));

        await factory.AsAsync(Roles.Admin, async sp =>
        {
            var users = sp.GetRequiredService<UserAdministration>();
            var result = change == Change.Disabled ? await users.SetDisabledAsync(id, true) : await users.SetRolesAsync(id, [Roles.Engineer]);
            Assert.True(result.Succeeded);
        });

        await closed.Within("The hub connection stayed open after the change");
        var after = await factory.LogComplaintAsync("The lobby door does not close.");
        lock (received)
            Assert.Equal([before.Id], received);
        Assert.DoesNotContain(after.Id, received);
        Assert.Equal(0, connections.CountFor(id));
        // The old cookie cannot open a new connection either.
        await using var again = factory.QueueHubOverWebSocket(cookie);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task HubClients_OtherUserDisabled_StayConnected()
    {
        var (id, _) = await NewUserAsync(Roles.Clerk);
        await using var hub = factory.QueueHubOverWebSocket(await factory.SignInCookieAsync(Roles.Engineer));
        var closed = hub.ClosedAsync();
        await hub.StartAsync();
        var arrived = new TaskCompletionSource<WorkQueueEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<WorkQueueEvent>(QueueHub.EventMethod, e => arrived.TrySetResult(e));

        await factory.AsAsync(Roles.Admin, sp => sp.GetRequiredService<UserAdministration>().SetDisabledAsync(id, true));
        var complaint = await factory.LogComplaintAsync("Water in the basement car park.");

        Assert.Equal(complaint.Id, (await arrived.Task.Within()).RequestId);
        Assert.False(closed.IsCompleted);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task OpenCircuit_SupervisorChangedToEngineer_IsSignedOutAndCanNoLongerCancelANotice()
    {
        var (id, _) = await NewUserAsync(Roles.Supervisor);
        var notice = await PendingNoticeAsync();
        await using var circuit = factory.Services.CreateAsyncScope();
        var sp = circuit.ServiceProvider;
        var provider = (RevalidatingAuthStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(await PrincipalAsync(sp, id))));
        Assert.True(await sp.GetRequiredService<Permissions>().MayAsync(Can.ManageNotices));
        var changed = 0;
        provider.AuthenticationStateChanged += _ => changed++;

        await factory.AsAsync(Roles.Admin, async admin =>
            Assert.True((await admin.GetRequiredService<UserAdministration>().SetRolesAsync(id, [Roles.Engineer])).Succeeded));

        Assert.Equal(1, changed);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.False(await sp.GetRequiredService<Permissions>().MayAsync(Can.ManageNotices));
        Assert.False(await sp.GetRequiredService<NoticeService>().CancelAsync(notice.Id, notice.Version));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(NoticeStatus.Pending, (await db.Notices.SingleAsync(n => n.Id == notice.Id)).Status);
    }

    [Fact]
    public async Task Cookie_DisabledFlagSetWithoutNewStamp_RefusedOnNextRequest()
    {
        var (id, email) = await NewUserAsync(Roles.Clerk);
        var client = factory.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // Set in the database by hand: the security stamp stays as it was.
        await using (var db = await factory.CreateDbContextAsync())
            Assert.Equal(1, await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }

    private async Task<(string Id, string Email)> NewUserAsync(string role)
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        string? id = null;
        await factory.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<UserAdministration>().CreateAsync(new NewStaffUser(email, "测试用户", "测", Password, [role]));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            id = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        });
        return (id!, email);
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider sp, string userId)
    {
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
        return await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
    }

    private async Task<Notice> PendingNoticeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
        var occupant = new Occupant { UnitId = unit.Id, Name = "王小明", Email = $"o{Guid.NewGuid():N}@example.test", PreferredLanguage = "zh-Hans" };
        db.Occupants.Add(occupant);
        await db.SaveChangesAsync();
        var notice = Assert.Single(NoticeOutbox.AddForOccupant(db, occupant, new NoticePlace(unit.Building!.EstateId, unit.BuildingId), "survey",
            $"survey:{Guid.NewGuid():N}", _ => new NoticeText("业户评议表", "请填写本季度评议表。"), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        Assert.Equal(NoticeStatus.Pending, notice.Status);
        return notice;
    }
}

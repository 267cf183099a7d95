using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The occupant's link in the appointment notice: it opens the visit, asks to move it once, and refuses forged or expired tokens.</summary>
public sealed class RepairLinkTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Link_FromTheNotice_ShowsTheVisit_AsksToMoveOnce()
    {
        var (order, token) = await ScheduledWithLinkAsync();
        var requests = await app.CountRequestsAsync();

        var (state, view) = await Anonymous(l => l.ViewAsync(token));
        Assert.Equal(LinkState.Valid, state);
        Assert.Equal("Replace the tap's washer", view!.WorkContent);

        var empty = await Anonymous(l => l.AskToMoveAsync(token, " "));
        Assert.Equal((false, "Say which time would suit you."), empty);
        var asked = await Anonymous(l => l.AskToMoveAsync(token, "Saturday morning"));
        Assert.True(asked.Ok);
        var again = await Anonymous(l => l.AskToMoveAsync(token, "Sunday"));
        Assert.Equal((false, "You have already asked to move this visit; customer service will call you."), again);

        Assert.Equal(requests + 1, await app.CountRequestsAsync());
        await using var db = await app.CreateDbContextAsync();
        var task = await db.Appointments.Where(a => a.WorkOrderId == order.Id).Select(a => a.MoveRequest!).SingleAsync();
        Assert.Equal((RequestKind.Message, RequestStatus.Open, (Department?)Department.CustomerService), (task.Kind, task.Status, task.Department));
        Assert.Contains("Saturday morning", task.Content);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(20), task.DueAt);
        Assert.Single(app.EventsFor(task.Id, WorkQueueEventKind.Created));
        Assert.True((await Anonymous(l => l.ViewAsync(token))).View!.MoveAsked);
    }

    [Fact]
    public async Task Link_ForgedOrOfAnotherPurpose_OpensNothingAndWritesNothing()
    {
        await ScheduledWithLinkAsync();
        var before = await app.CountAllAsync();

        var forged = await Anonymous(l => l.ViewAsync(LinkTokens.NewToken()));
        var garbage = await Anonymous(l => l.AskToMoveAsync("not-a-token", "Saturday"));

        Assert.Equal(LinkState.Unknown, forged.State);
        Assert.Null(forged.View);
        Assert.False(garbage.Ok);
        Assert.Equal(before, await app.CountAllAsync());
    }

    [Fact]
    public async Task Link_AfterTheWindow_Expired()
    {
        var (_, token) = await ScheduledWithLinkAsync();
        var before = await app.CountAllAsync();

        app.Clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(LinkState.Expired, (await Anonymous(l => l.ViewAsync(token))).State);
        Assert.False((await Anonymous(l => l.AskToMoveAsync(token, "Saturday"))).Ok);
        Assert.Equal(before, await app.CountAllAsync());
    }

    /// <summary>A scheduled order and the link its notice carries, opened as the delivery would.</summary>
    private async Task<(WorkOrder Order, string Token)> ScheduledWithLinkAsync()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        await using var db = await app.CreateDbContextAsync();
        var notice = await db.Notices.AsNoTracking().FirstAsync(n => n.Kind == AppointmentNotices.ConfirmationKind && n.SourceKey == AppointmentNotices.ConfirmationSource(order.Id, 1));
        var url = app.App.Services.GetRequiredService<NoticeLinks>().Open(notice)!;
        Assert.Contains("/r/", url);
        return (order, url[(url.LastIndexOf('/') + 1)..]);
    }

    private async Task<T> Anonymous<T>(Func<RepairLinks, Task<T>> action)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        return await action(scope.ServiceProvider.GetRequiredService<RepairLinks>());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// Acceptance through the occupant's personal link when they were not at home (P4 六): the kiosk's rules (paid work signs
/// the amount and is billed once, not satisfied goes back to the board), and forged, expired and reused links refused.
/// </summary>
public sealed class AcceptanceLinkTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task PaidWork_SignedThroughTheLink_OnePaidServiceForTheAmount_LinkSpent()
    {
        var (order, token) = await LinkSentAsync(paid: true);
        var view = (await Anonymous(s => s.AcceptanceLinkAsync(token))).View!;
        Assert.Equal((true, 33.00m), (view.IsPaid, view.Amount));

        var result = await Anonymous(s => s.RecordLinkAcceptanceAsync(token, view.Version, true, "Thank you", Signature));
        var reused = await Anonymous(s => s.RecordLinkAcceptanceAsync(token, result.Order!.Version, true, null, Signature));

        Ok(result);
        Assert.False(reused.Succeeded);
        Assert.Equal(LinkState.Spent, (await Anonymous(s => s.AcceptanceLinkAsync(token))).State);
        // The page says the acceptance is recorded, not another form's words.
        var page = System.Net.WebUtility.HtmlDecode(await app.App.CreateClient().GetStringAsync($"/r/accept/{token}"));
        Assert.Contains("此验收已经记录", page);
        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal((WorkOrderStatus.Completed, Signature), (stored.Status, stored.AcceptanceSignature));
        await using var db = await app.CreateDbContextAsync();
        var paid = await db.PaidServices.AsNoTracking().SingleAsync(p => p.Id == stored.PaidServiceId);
        Assert.Equal((33.00m, Signature), (paid.Price, paid.Signature));
        Assert.Contains(stored.Request!.Timeline, t => t.Text != null && t.Text.Contains("through the personal link"));
    }

    [Fact]
    public async Task NotSatisfied_ThroughTheLink_ReworkBackOnTheBoard()
    {
        var (order, token) = await LinkSentAsync(paid: false);
        var view = (await Anonymous(s => s.AcceptanceLinkAsync(token))).View!;

        var noRemark = await Anonymous(s => s.RecordLinkAcceptanceAsync(token, view.Version, false, " ", null));
        Ok(await Anonymous(s => s.RecordLinkAcceptanceAsync(token, view.Version, false, "Still drips", null)));

        Assert.Equal("Remark", Assert.Single(noRemark.Errors).Field);
        Assert.Equal(WorkOrderStatus.Rework, (await app.LoadOrderAsync(order.Id)).Status);
        var toAssign = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<WorkOrderService>().UnscheduledAsync(app.EstateId, new PageRequest(0, 500)));
        Assert.Contains(order.Id, toAssign.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task TheLinkPage_PostedAgainByARefresh_SaysTheAcceptanceIsRecorded()
    {
        var (order, token) = await LinkSentAsync(paid: false);
        using var client = app.App.CreateClient();
        var path = $"/r/accept/{token}";
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(path));

        await LinkForms.PostAsync(client, path, page, ("Input.Answer", "no"), ("Input.Remark", "Still drips"));
        var refreshed = await LinkForms.PostAsync(client, path, page, ("Input.Answer", "no"), ("Input.Remark", "Still drips"));

        Assert.Contains("此验收已经记录", refreshed);
        Assert.Equal(WorkOrderStatus.Rework, (await app.LoadOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task ForgedExpiredOrEmptySignature_RefusedNothingWritten()
    {
        var (order, token) = await LinkSentAsync(paid: false);
        var version = (await app.LoadOrderAsync(order.Id)).Version;
        var before = await app.CountAllAsync();

        var forged = await Anonymous(s => s.RecordLinkAcceptanceAsync(LinkTokens.NewToken(), version, true, null, Signature));
        var unsigned = await Anonymous(s => s.RecordLinkAcceptanceAsync(token, version, true, null, "  "));
        Assert.Equal(LinkState.Unknown, (await Anonymous(s => s.AcceptanceLinkAsync("not-a-token"))).State);
        app.Clock.Advance(TimeSpan.FromDays(WorkOrderService.AcceptanceLinkDays + 1));
        var expired = await Anonymous(s => s.RecordLinkAcceptanceAsync(token, version, true, null, Signature));
        var expiredView = await Anonymous(s => s.AcceptanceLinkAsync(token));

        Assert.False(forged.Succeeded);
        Assert.Equal("Signature", Assert.Single(unsigned.Errors).Field);
        Assert.False(expired.Succeeded);
        Assert.Equal(LinkState.Expired, expiredView.State);
        Assert.Equal(before, await app.CountAllAsync());
        Assert.Equal(WorkOrderStatus.AwaitingAcceptance, (await app.LoadOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task SendLink_SomeoneElsesVisit_Refused()
    {
        var order = await FinishedAsync(paid: false);

        var theirs = await app.AsOtherEngineer(s => s.SendAcceptanceLinkAsync(order.Id, order.Version));

        Assert.Equal("This visit is another engineer's.", Assert.Single(theirs.Errors).Message);
    }

    private async Task<WorkOrder> FinishedAsync(bool paid)
    {
        int occupant;
        await using (var db = await app.CreateDbContextAsync())
            occupant = await db.Occupants.Where(o => o.UnitId == app.UnitId).Select(o => o.Id).FirstAsync();
        var logged = await app.LogAsync(new Intake
        {
            EstateId = app.EstateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
            UnitId = app.UnitId, OccupantId = occupant, CallerName = "Ms Lin", Phone = "13800000000", Content = "The kitchen tap leaks",
        });
        var order = Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(logged.Request!, paid: paid))));
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        if (paid)
        {
            order = Ok(await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Tap washer", "2", "12.50")));
            order = Ok(await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Sealing tape (m)", "1", "8")));
        }
        return Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
    }

    /// <summary>A finished order whose occupant was out, and the token of the link their notice carries.</summary>
    private async Task<(WorkOrder Order, string Token)> LinkSentAsync(bool paid)
    {
        var order = await FinishedAsync(paid);
        order = Ok(await app.As(Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version)));
        await using var db = await app.CreateDbContextAsync();
        var notice = await db.Notices.AsNoTracking().FirstAsync(n => n.Kind == AppointmentNotices.AcceptanceKind && n.SourceKey == AppointmentNotices.AcceptanceSource(order.Id, 1));
        var url = app.App.Services.GetRequiredService<NoticeLinks>().Open(notice)!;
        Assert.Contains("/r/accept/", url);
        return (order, url[(url.LastIndexOf('/') + 1)..]);
    }

    private async Task<T> Anonymous<T>(Func<WorkOrderService, Task<T>> action)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        return await action(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }
}

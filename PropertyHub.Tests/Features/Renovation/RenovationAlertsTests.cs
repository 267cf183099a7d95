using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>The daily renovation duty: what it raises, to whom, and each thing exactly once however often it runs.</summary>
public sealed class RenovationAlertsTests : IClassFixture<RenovationAppFactory>
{
    private readonly RenovationAppFactory factory;
    private readonly RenovationTesting renovations;

    public RenovationAlertsTests(RenovationAppFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(RenovationAppFactory.Start);
        renovations = new RenovationTesting(factory);
    }

    private async Task<int> RaiseAsync(int day)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenovationAlerts>().RaiseAsync(new DateOnly(2026, 12, day));
    }

    private async Task<List<RenovationAlert>> AlertsAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.RenovationAlerts.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task PermitEndingInThreeDays_OwnerAndContractorToldOnceAndASupervisorItem()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();

        await RaiseAsync(7);
        var afterFirstDay = await AlertsAsync(id);
        await RaiseAsync(8);
        await RaiseAsync(8);
        await RaiseAsync(9);

        Assert.Empty(afterFirstDay);
        var alert = Assert.Single(await AlertsAsync(id));
        Assert.Equal((RenovationAlertKind.PermitExpiring, new DateOnly(2026, 12, 8)), (alert.Kind, alert.Day));
        await using var db = await factory.CreateDbContextAsync();
        var notices = await db.Notices.AsNoTracking().Where(n => n.SourceKey == $"renovation:permit-expiring:{id}").ToListAsync();
        Assert.Contains(notices, n => n.RecipientKey == $"contractor:{id}" && n.Channel == NoticeChannel.Sms && n.Address == "13900001111");
        Assert.Contains(notices, n => n.OccupantId is not null);
        Assert.All(notices, n => Assert.Contains("2026-12-11", n.Body));
        var item = await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == alert.ServiceRequestId);
        Assert.Equal((EscalationLevel.Supervisor, RequestStatus.Open), (item.Level, item.Status));
        Assert.Contains((await renovations.SheetAsync(id)).PermitNumber!, item.Content);
    }

    [Fact]
    public async Task WorksPastTheirEnd_AndPassesOutThreeDaysAfterInspection_EachOnce()
    {
        var (overdue, _) = await renovations.PermitWithPassesAsync();
        var (inspected, _) = await renovations.PermitWithPassesAsync();
        factory.Clock.At(2026, 12, 12, 9);
        Assert.True((await renovations.InspectAsync(inspected)).Ok);

        await RaiseAsync(12);
        await RaiseAsync(14);
        var beforeThreeDays = await AlertsAsync(inspected);
        await RaiseAsync(15);
        await RaiseAsync(16);

        Assert.Equal([RenovationAlertKind.WorksOverdue], (await AlertsAsync(overdue)).Select(a => a.Kind));
        Assert.DoesNotContain(beforeThreeDays, a => a.Kind == RenovationAlertKind.PassesNotReturned);
        Assert.Single(await AlertsAsync(inspected), a => a.Kind == RenovationAlertKind.PassesNotReturned);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await db.Notices.Where(n => n.SourceKey.StartsWith($"renovation:works-overdue:{overdue}")).ToListAsync());
    }

    [Fact]
    public async Task Duty_SameDayRunTwiceAndOnTwoInstancesAtOnce_EachAlertOnce()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<DutyRunner>();
        var duty = runner.Find(RenovationDuty.DutyName);

        var first = await runner.RunAsync(duty, "2026-12-08", CancellationToken.None);
        var second = await runner.RunAsync(duty, "2026-12-08", CancellationToken.None);
        // Two instances catching up the next day after downtime, at the same moment: the alert's key decides.
        await Task.WhenAll(RaiseAsync(9), RaiseAsync(9));

        Assert.Equal((RunOutcome.Ran, RunOutcome.AlreadyDone), (first, second));
        Assert.Single(await AlertsAsync(id));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Notices.CountAsync(n => n.SourceKey == $"renovation:permit-expiring:{id}" && n.RecipientKey == $"contractor:{id}"));
    }
}

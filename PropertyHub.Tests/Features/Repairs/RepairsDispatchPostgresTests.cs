using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Files;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Renovation;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// Photos, the dispatch board, acceptance by link, the measures and phrased timeline steps on PostgreSQL (with the
/// retrying execution strategy).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RepairsDispatchPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task PhotoBoardLinkAcceptanceAndMeasures_OnPostgres()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("repairs_dispatch_" + Guid.NewGuid().ToString("N")[..8]),
        };
        int estateId, unitId;
        string engineer;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var unit = await db.Units.Where(u => u.Occupants.Any()).OrderBy(u => u.Id).Select(u => new { u.Id, u.Building!.EstateId }).FirstAsync();
            (estateId, unitId) = (unit.EstateId, unit.Id);
            engineer = await db.Users.Where(u => u.Email == SignIn.DemoEmail(Roles.Engineer)).Select(u => u.Id).SingleAsync();
        }
        ServiceRequest request = null!;
        await factory.AsAsync(Roles.Clerk, async sp => request = (await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = estateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
            UnitId = unitId, CallerName = "Ms Lin", Content = "The kitchen tap leaks",
        })).Request!);
        UploadedFile photo = null!;
        await factory.AsAsync(Roles.Clerk, async sp => photo = (await sp.GetRequiredService<FileIntake>().ReadAsync(new MemoryStream(RenovationTesting.Png), "tap.png", FileKinds.Pictures)).File!);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);

        var order = RepairsTesting.Ok(await Run(factory, Roles.Clerk, s => s.CreateAsync(RepairsTesting.FromRequest(request) with { Photos = [photo] })));
        order = RepairsTesting.Ok(await Run(factory, Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, RepairsTesting.Appointment(tomorrow, engineer))));
        var board = await Read(factory, Roles.Supervisor, s => s.DispatchBoardAsync(estateId, tomorrow, 7));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.AddPhotoAsync(order.Id, order.Version, PhotoStage.After, photo)));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
        order = RepairsTesting.Ok(await Run(factory, Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version)));
        string token;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var notice = await db.Notices.AsNoTracking().FirstAsync(n => n.Kind == AppointmentNotices.AcceptanceKind);
            var url = factory.Services.GetRequiredService<NoticeLinks>().Open(notice)!;
            token = url[(url.LastIndexOf('/') + 1)..];
        }
        var accepted = await Anonymous(factory, s => s.RecordLinkAcceptanceAsync(token, order.Version, true, null, RepairsTesting.Signature));
        var reused = await Anonymous(factory, s => s.RecordLinkAcceptanceAsync(token, accepted.Order!.Version, true, null, RepairsTesting.Signature));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var measures = await Read(factory, Roles.Manager, s => s.MeasuresAsync(estateId, today.AddDays(-1), today));

        Assert.Equal([order.Id], board.Engineers.Single(e => e.Id == engineer).Visits.Select(v => v.WorkOrderId));
        RepairsTesting.Ok(accepted);
        Assert.False(reused.Succeeded);
        Assert.Equal((1, 0), (measures.Total.Accepted, measures.Total.FollowedUp));
        Assert.Equal(order.Id, Assert.Single(measures.Missing).WorkOrderId);
        var photos = await Read(factory, Roles.Clerk, s => s.PhotosAsync(order.Id));
        Assert.Equal([PhotoStage.Raised, PhotoStage.After], photos.Select(p => p.Stage));
        await using var check = await factory.CreateDbContextAsync();
        var entries = await check.TimelineEntries.AsNoTracking().Where(t => t.ServiceRequestId == request.Id && t.Kind == TimelineKind.WorkOrder).ToListAsync();
        var localizers = factory.Services.GetRequiredService<IStringLocalizerFactory>();
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(TimelinePhrases.Render(localizers, e.Phrase!))));
        Assert.Equal(WorkOrderStatus.Completed, (await check.WorkOrders.SingleAsync(w => w.Id == order.Id)).Status);
    }

    private static async Task<RepairResult> Run(AppFactory factory, string role, Func<WorkOrderService, Task<RepairResult>> action) =>
        await Read(factory, role, action);

    private static async Task<T> Read<T>(AppFactory factory, string role, Func<WorkOrderService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<WorkOrderService>()));
        return result;
    }

    private static async Task<RepairResult> Anonymous(AppFactory factory, Func<WorkOrderService, Task<RepairResult>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        return await action(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }
}

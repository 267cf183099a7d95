using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// Late proxy services escalate: each one past its promised date and not done puts one item on the live queue, raised to
/// the supervisor, with the deadline of a message. Once per service: the item is saved with the service's link to it,
/// against the service's version, so a second run (or two at once) finds it escalated or loses the save.
/// </summary>
public sealed class LateProxyServices(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, IWorkQueueEvents events, TimeProvider clock,
    IStringLocalizer<MoveInText> text, ILogger<LateProxyServices> logger)
{
    /// <summary>Escalates what was promised before <paramref name="day"/> and is not done; returns how many this run escalated.</summary>
    public async Task<int> EscalateAsync(DateOnly day, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.EscalateLateProxyServices, ct);
        List<int> late;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.IsBackground = true;
            late = await db.ProxyServices.AsNoTracking()
                .Where(p => p.Status != ProxyServiceStatus.Done && p.LateRequestId == null && p.PromisedOn < day)
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        }
        var escalated = 0;
        foreach (var id in late)
        {
            if (await EscalateOneAsync(id, ct))
                escalated++;
        }
        if (escalated > 0)
            logger.LogInformation("Escalated {Count} late proxy services", escalated);
        return escalated;
    }

    private async Task<bool> EscalateOneAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IsBackground = true;
        var service = await db.ProxyServices.SingleAsync(p => p.Id == id, ct);
        if (service.LateRequestId is not null || service.Status == ProxyServiceStatus.Done)
            return false;
        var occupant = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == service.OccupantId, ct);
        var unit = await db.Units.AsNoTracking().Include(u => u.Building).SingleAsync(u => u.Id == service.UnitId, ct);
        var reception = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == service.EstateId, ct) ?? new ReceptionSettings { EstateId = service.EstateId };
        var now = clock.GetUtcNow();
        var deadline = Deadlines.For(RequestKind.Message, now, null, reception);
        var system = new Actor(null, text["SystemName"]);
        var request = new ServiceRequest
        {
            EstateId = service.EstateId,
            Kind = RequestKind.Message,
            Channel = Channel.Visit,
            UnitId = service.UnitId,
            OccupantId = occupant.Id,
            CallerName = occupant.Name,
            Phone = occupant.Phone,
            Content = text["LateContent", service.Kind, service.PromisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{unit.Building!.Code}-{unit.Number}"],
            IsImportant = true,
            Level = EscalationLevel.Supervisor,
            Status = RequestStatus.Open,
            ReceivedAt = now,
            DueAt = deadline.DueAt,
            WarnAt = deadline.WarnAt,
            TakenByName = system.Name,
        };
        request.Timeline.Add(ReceptionService.Entry(TimelineKind.Created, system, now));
        request.Timeline.Add(ReceptionService.Entry(TimelineKind.Escalated, system, now, text["LateEscalated"]));
        db.ServiceRequests.Add(request);
        service.LateRequest = request;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
        await events.PublishAsync(ReceptionService.ToEvent(request, unit, WorkQueueEventKind.Created, now));
        return true;
    }
}

/// <summary>Every morning (estate time) the proxy services past their promised date go on the queue, each once.</summary>
public sealed class LateProxyServicesDuty(IServiceScopeFactory scopes, IOptions<MoveInOptions> options) : IScheduledDuty
{
    public const string DutyName = "late-proxy-services";

    public string Name => DutyName;

    public string Cron => options.Value.LateProxyCron;

    public string PeriodOf(DateTime localOccurrence) => DateOnly.FromDateTime(localOccurrence).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var day = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<LateProxyServices>().EscalateAsync(day, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.Repairs;

/// <summary>The standing appointment as the occupant sees it through their link.</summary>
public sealed record RepairLinkView(int WorkOrderId, string Unit, string Window, string WorkContent, int ExpectedMinutes, string EngineerName, bool MoveAsked, string Language);

/// <summary>
/// The occupant's personal link to a repair visit (/r/…): it shows the standing appointment and lets them ask to move
/// it once, which puts a call-back task for customer service on the queue. Only the token's hash is stored.
/// </summary>
public sealed class RepairLinks(
    IDbContextFactory<AppDbContext> dbFactory,
    PersonalLinkService links,
    Permissions permissions,
    IWorkQueueEvents events,
    EstateTime estateTime,
    TimeProvider clock,
    IStringLocalizer<RepairsText> text,
    ILogger<RepairLinks> logger)
{
    public const string Purpose = "repair";
    /// <summary>The occupant accepts (or not) and signs a finished repair through this link: /r/accept/….</summary>
    public const string AcceptancePurpose = "repair-accept";
    public const int MaxWish = 500;

    /// <summary>Adds a link to the caller's context (saved with it) and returns its URL.</summary>
    public static string Issue(AppDbContext db, int workOrderId, int occupantId, DateTimeOffset now, DateTimeOffset expiresAt, string baseUrl)
    {
        var token = LinkTokens.NewToken();
        db.PersonalLinks.Add(new PersonalLink
        {
            Purpose = Purpose,
            SubjectId = workOrderId,
            OccupantId = occupantId,
            TokenHash = LinkTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresAt > now ? expiresAt : now,
        });
        return $"{baseUrl.TrimEnd('/')}/r/{token}";
    }

    /// <summary>The visit the link opens, or why it opens nothing (forged, expired, revoked, another purpose, no visit standing).</summary>
    public async Task<(LinkState State, RepairLinkView? View)> ViewAsync(string? token, CancellationToken ct = default)
    {
        var resolved = await links.ResolveAsync(token, Purpose, ct);
        if (resolved.State != LinkState.Valid)
            return (resolved.State, null);
        var (orderId, occupantId) = (resolved.Link!.SubjectId, resolved.Link.OccupantId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.WorkOrders.AsNoTracking().Where(w => w.Id == orderId && w.Status == WorkOrderStatus.Scheduled)
            .Select(w => new
            {
                w.Id, w.EstateId,
                Unit = w.Unit == null ? "" : w.Unit.Building!.Code + "-" + w.Unit.Number,
                Current = w.Appointments.Where(a => a.Status == AppointmentStatus.Current).Select(a => new { a.WindowStart, a.WindowEnd, a.WorkContent, a.ExpectedMinutes, a.EngineerName, a.MoveRequestId }).FirstOrDefault(),
                Language = db.Occupants.Where(o => o.Id == occupantId).Select(o => o.PreferredLanguage).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (row?.Current is not { } a)
            return (LinkState.Spent, null);
        var window = $"{estateTime.ToLocal(row.EstateId, a.WindowStart):yyyy-MM-dd HH:mm}–{estateTime.ToLocal(row.EstateId, a.WindowEnd):HH:mm}";
        return (LinkState.Valid, new RepairLinkView(row.Id, row.Unit, window, a.WorkContent, a.ExpectedMinutes, a.EngineerName, a.MoveRequestId is not null, row.Language ?? "zh-Hans"));
    }

    /// <summary>
    /// The occupant asks to move the visit: a message for customer service to call back (on the queue with its 20-minute
    /// countdown) and a note on the repair's timeline. Once per appointment; nothing is written when refused.
    /// </summary>
    public async Task<(bool Ok, string? Error)> AskToMoveAsync(string? token, string? wish, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.AskToMoveVisits, ct))
            return (false, permissions.Refusal);
        var clean = Registry.TypedText.Text(wish);
        if (clean is null)
            return (false, text["WishRequired"]);
        if (clean.Length > MaxWish)
            return (false, text["TooLong", MaxWish]);
        var resolved = await links.ResolveAsync(token, Purpose, ct);
        if (resolved.State != LinkState.Valid)
            return (false, null);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.Include(w => w.Request).Include(w => w.Appointments).SingleOrDefaultAsync(w => w.Id == resolved.Link!.SubjectId, ct);
        var current = order?.Appointments.SingleOrDefault(a => a.Status == AppointmentStatus.Current);
        if (order is not { Status: WorkOrderStatus.Scheduled } || current is null)
            return (false, text["NoVisitToMove"]);
        if (current.MoveRequestId is not null)
            return (false, text["MoveAlreadyAsked"]);
        var occupant = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == resolved.Link!.OccupantId, ct);
        var reception = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == order.EstateId, ct) ?? new ReceptionSettings { EstateId = order.EstateId };
        var deadline = Deadlines.For(RequestKind.Message, now, null, reception);
        var actor = new Actor(null, occupant.Name);
        var task = new ServiceRequest
        {
            EstateId = order.EstateId,
            Kind = RequestKind.Message,
            Channel = Channel.Letter,
            // A task for customer service: it shows among the department's items, not only once it is late.
            Department = Department.CustomerService,
            UnitId = order.UnitId,
            OccupantId = occupant.Id,
            CallerName = occupant.Name,
            Phone = occupant.Phone,
            Content = text["MoveAskedContent", order.Id, clean],
            Status = RequestStatus.Open,
            ReceivedAt = now,
            DueAt = deadline.DueAt,
            WarnAt = deadline.WarnAt,
            TakenByName = occupant.Name,
        };
        task.Timeline.Add(ReceptionService.Entry(TimelineKind.Created, actor, now));
        db.ServiceRequests.Add(task);
        PhraseLine[] asked = [new("Step.MoveAsked", clean)];
        order.Request!.Timeline.Add(WorkOrderService.Phrased(ReceptionService.Entry(TimelineKind.WorkOrder, actor, now, WorkOrderService.Said(text, asked)), asked));
        current.MoveRequest = task;
        // Saved against the order's version: two asks at once leave one task.
        db.Entry(order).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (false, text["MoveAlreadyAsked"]);
        }
        logger.LogInformation("Occupant asked to move the visit of work order {WorkOrderId}", order.Id);
        await events.PublishAsync(ReceptionService.ToEvent(task, null, WorkQueueEventKind.Created, now));
        return (true, null);
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Repairs.Visits;

namespace PropertyHub.Features.Repairs;

/// <summary>What the occupant sees through the acceptance link: the repair, what was done, for paid work the materials and amount.</summary>
public sealed record AcceptanceLinkView(int WorkOrderId, int Version, string Where, string Description, string? WorkDone, string? EngineerName,
    bool IsPaid, IReadOnlyList<MaterialRow> Materials, decimal Amount, WorkOrderStatus Status, string Language);

/// <summary>One acceptance link sent (one notice through one channel): when it was made and sent, where to.</summary>
public sealed record SentLinkRow(DateTimeOffset CreatedAt, Notices.NoticeChannel Channel, string Address, Notices.NoticeStatus Status, DateTimeOffset? SentAt);

public sealed partial class WorkOrderService
{
    public const int AcceptanceLinkDays = 7;

    /// <summary>A second link within this time of the last one is refused: a double tap, or the engineer unsure it went.</summary>
    public static readonly TimeSpan AcceptanceLinkPause = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The occupant was not at home when the engineer finished: a personal link to accept (or not) and sign is sent to
    /// them through the outbox. Refused when nobody is on file for the unit, and within <see cref="AcceptanceLinkPause"/>
    /// of the last link; after that another link is sent only when <paramref name="sendAgain"/> confirms it.
    /// </summary>
    public Task<RepairResult> SendAcceptanceLinkAsync(int id, int version, bool sendAgain = false, CancellationToken ct = default) =>
        StepAsync(id, version, Can.WorkVisits, ct, async (db, order, request, actor) =>
        {
            if (order.EngineerId != actor.UserId)
                return Refuse("", text["NotYourVisit"]);
            if (order.Status != WorkOrderStatus.AwaitingAcceptance)
                return NotAllowed(order);
            if (await AppointmentNotices.RecipientAsync(db, order.UnitId, request.OccupantId, ct) is not { } to)
                return Refuse("", text["NoOccupantForLink"]);
            var links = db.PersonalLinks.Where(l => l.Purpose == RepairLinks.AcceptancePurpose && l.SubjectId == order.Id);
            var sent = await links.CountAsync(ct);
            var now = clock.GetUtcNow();
            if (sent > 0)
            {
                var last = (await links.Select(l => l.CreatedAt).ToListAsync(ct)).Max();
                var at = estateTime.ToLocal(order.EstateId, last).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                if (now - last < AcceptanceLinkPause)
                    return Refuse("", text["AcceptanceLinkTooSoon", at]);
                if (!sendAgain)
                    return Failed(RepairResult.Confirm("", text["AcceptanceLinkResendConfirm", at]));
            }
            notices.AddAcceptanceLink(db, to, order, sent + 1, AcceptanceLinkDays, now);
            return Entry(Say("Step.AcceptanceLinkSent", to.Occupant.Name));
        });

    /// <summary>The acceptance links sent for a work order, newest first: when, through which channel, to which (masked) address, and its state.</summary>
    public async Task<IReadOnlyList<SentLinkRow>> AcceptanceLinksSentAsync(int workOrderId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.WorkVisits, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefix = AppointmentNotices.AcceptanceSource(workOrderId, 0)[..^1];
        var rows = await db.Notices.AsNoTracking()
            .Where(n => n.Kind == AppointmentNotices.AcceptanceKind && n.SourceKey.StartsWith(prefix))
            .OrderByDescending(n => n.Id).Take(20)
            .Select(n => new { n.EstateId, n.CreatedAt, n.Channel, n.Address, n.Status, n.SentAt }).ToListAsync(ct);
        return [.. rows.Select(n => new SentLinkRow(n.CreatedAt, n.Channel,
            n.Channel == Notices.NoticeChannel.Sms ? Registry.Phones.Mask(n.Address) : n.Address ?? "", n.Status, n.SentAt))];
    }

    /// <summary>The repair the acceptance link opens, or why it opens nothing (forged, expired, revoked, used, another purpose).</summary>
    public async Task<(LinkState State, AcceptanceLinkView? View)> AcceptanceLinkAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await FindLinkAsync(db, token, ct);
        var state = PersonalLinkService.StateOf(link, RepairLinks.AcceptancePurpose, clock.GetUtcNow());
        if (state != LinkState.Valid)
            return (state, null);
        var order = await db.WorkOrders.AsNoTracking().Include(w => w.Unit).ThenInclude(u => u!.Building).SingleAsync(w => w.Id == link!.SubjectId, ct);
        var language = await db.Occupants.Where(o => o.Id == link!.OccupantId).Select(o => o.PreferredLanguage).FirstOrDefaultAsync(ct);
        var materials = await MaterialsAsync(db, order.Id, ct);
        var where = order.Unit is { } unit ? $"{unit.Building?.Code}-{unit.Number}" : order.Place ?? "";
        return (LinkState.Valid, new AcceptanceLinkView(order.Id, order.Version, where, order.Description, order.WorkDone, order.EngineerName,
            order.IsPaid, materials, materials.Sum(m => m.Amount), order.Status, language ?? "zh-Hans"));
    }

    /// <summary>
    /// The occupant's answer through the link: the same rules as on the engineer's phone (not satisfied → rework, paid work
    /// signs the amount and is billed once). The link is spent in the same save, so a second answer is refused.
    /// </summary>
    public async Task<RepairResult> RecordLinkAcceptanceAsync(string? token, int version, bool satisfied, string? remark, string? signature, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.AcceptRepairsByLink, ct);
        Actor occupant;
        int orderId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var link = await FindLinkAsync(db, token, ct);
            if (PersonalLinkService.StateOf(link, RepairLinks.AcceptancePurpose, clock.GetUtcNow()) != LinkState.Valid)
                return RepairResult.Invalid("", text["LinkNotValid"]);
            orderId = link!.SubjectId;
            occupant = new Actor(null, await db.Occupants.Where(o => o.Id == link.OccupantId).Select(o => o.Name).SingleAsync(ct));
        }
        if (CheckAcceptance(satisfied, remark, signature) is { } wrong)
            return wrong;
        return await StepAsync(orderId, version, null, ct, async (db, order, request, actor) =>
        {
            var link = await FindLinkAsync(db, token, ct, tracked: true);
            var now = clock.GetUtcNow();
            if (PersonalLinkService.StateOf(link, RepairLinks.AcceptancePurpose, now) != LinkState.Valid || link!.SubjectId != order.Id)
                return Refuse("", text["LinkNotValid"]);
            // Spent with the answer: the link's version stops a second answer sent at the same moment.
            link.UsedAt = now;
            var done = await AcceptAsync(db, order, request, actor, satisfied, Registry.TypedText.Text(remark), signature, ct);
            return done.Timeline is { } lines ? Entry([.. lines, Say("Step.ByLink")]) : done;
        }, occupant);
    }

    private static Task<PersonalLink?> FindLinkAsync(Data.AppDbContext db, string? token, CancellationToken ct, bool tracked = false)
    {
        if (!LinkTokens.LooksValid(token))
            return Task.FromResult<PersonalLink?>(null);
        var hash = LinkTokens.Hash(token!);
        var links = tracked ? db.PersonalLinks : db.PersonalLinks.AsNoTracking();
        return links.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
    }
}

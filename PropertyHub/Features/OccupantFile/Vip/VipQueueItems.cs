using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>
/// The occupant's open queue items follow their VIP service: when it starts, changes or ends, each open item takes the
/// badge and service manager (or loses them). When the service starts or shortens, an open item's deadline becomes the
/// earlier of its current one and the moment the service was set plus the VIP's period (never earlier than that, never
/// later than before): making someone VIP never turns an old item overdue at once. When it ends, the deadline is the
/// estate's again from the time the item was logged, and an item raised to the service manager goes back to the level
/// the estate's ladder gives it now. Runs inside the caller's transaction; the caller announces the items on the
/// work-queue bus after the commit.
/// </summary>
internal static class VipQueueItems
{
    public static async Task<List<ServiceRequest>> FollowAsync(AppDbContext db, int occupantId, VipTerms? terms, Actor actor, DateTimeOffset now,
        IStringLocalizer writerText, CancellationToken ct)
    {
        var items = await db.ServiceRequests.Include(r => r.Unit).ThenInclude(u => u!.Building)
            .Where(r => r.OccupantId == occupantId && r.Status == RequestStatus.Open).OrderBy(r => r.Id).ToListAsync(ct);
        if (items.Count == 0)
            return items;
        var estateIds = items.Select(r => r.EstateId).Distinct().ToList();
        var stored = await db.ReceptionSettings.AsNoTracking().Where(s => estateIds.Contains(s.EstateId)).ToListAsync(ct);
        var changed = new List<ServiceRequest>();
        foreach (var item in items)
        {
            var estate = stored.SingleOrDefault(s => s.EstateId == item.EstateId) ?? new ReceptionSettings { EstateId = item.EstateId };
            var (dueAt, warnAt) = (item.DueAt, item.WarnAt);
            // An item answered at once and reopened, a suggestion: no deadline before, none now.
            if (item.DueAt is { } before)
            {
                var deadline = terms is null
                    ? Deadlines.For(item.Kind, item.ReceivedAt, item.AgreedReplyAt, estate)
                    : Deadlines.For(item.Kind, now, item.AgreedReplyAt, terms.Apply(estate));
                if (terms is null || deadline.DueAt < before)
                    (dueAt, warnAt) = (deadline.DueAt, deadline.WarnAt);
            }
            var level = item.Level;
            // Without a service manager there is no such level: the estate's ladder places the item again as of now
            // (the sweep then raises it further when its deadline has passed).
            if (terms is null && level == EscalationLevel.ServiceManager)
                level = warnAt is { } warn && warn <= now ? EscalationLevel.Supervisor : EscalationLevel.None;
            var (managerId, managerName) = (terms?.ServiceManagerId, terms?.ServiceManagerName);
            if (dueAt == item.DueAt && warnAt == item.WarnAt && level == item.Level && managerId == item.ServiceManagerId && managerName == item.ServiceManagerName)
                continue;
            item.DueAt = dueAt;
            item.WarnAt = warnAt;
            item.Level = level;
            item.ServiceManagerId = managerId;
            item.ServiceManagerName = managerName;
            var line = terms is null ? new PhraseLine("VipItemEnded") : new PhraseLine("VipItemFollows", managerName!);
            var entry = ReceptionService.Entry(TimelineKind.Note, actor, now, writerText[line.Key, line.Args]);
            entry.Phrase = TimelinePhrases.Write(nameof(OccupantFileText), [line]);
            entry.ServiceRequestId = item.Id;
            db.TimelineEntries.Add(entry);
            changed.Add(item);
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }
}

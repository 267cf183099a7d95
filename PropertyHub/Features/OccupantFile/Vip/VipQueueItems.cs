using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>
/// The occupant's open queue items follow their VIP service: when it starts, changes or ends, each open item takes the
/// badge and service manager (or loses them) and its deadline is worked out again from the time it was logged — with the
/// VIP's shorter deadlines, never later than it was while VIP, and with the estate's again when the service ends. Runs
/// inside the caller's transaction; the caller announces the items on the work-queue bus after the commit.
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
                var deadline = Deadlines.For(item.Kind, item.ReceivedAt, item.AgreedReplyAt, terms?.Apply(estate) ?? estate);
                if (terms is null || deadline.DueAt <= before)
                    (dueAt, warnAt) = (deadline.DueAt, deadline.WarnAt);
            }
            var (managerId, managerName) = (terms?.ServiceManagerId, terms?.ServiceManagerName);
            if (dueAt == item.DueAt && warnAt == item.WarnAt && managerId == item.ServiceManagerId && managerName == item.ServiceManagerName)
                continue;
            item.DueAt = dueAt;
            item.WarnAt = warnAt;
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

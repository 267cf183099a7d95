using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.Measures;

/// <summary>
/// Reception measures over contacts received in an estate-local date range. Counts run in SQL; the shares and
/// percentiles are computed in memory over the few columns of the items they concern (agreed inquiries, complaints,
/// replied items of the range), because SQLite cannot do time arithmetic on the stored ticks.
/// </summary>
public sealed class MeasuresService(IDbContextFactory<AppDbContext> dbFactory, EstateTime time, TimeProvider clock)
{
    public const int MaxDays = 366;

    public async Task<ReceptionMeasures> ComputeAsync(int estateId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from)
            (from, to) = (to, from);
        if (to.DayNumber - from.DayNumber >= MaxDays)
            from = to.AddDays(-(MaxDays - 1));
        var now = clock.GetUtcNow();
        var (start, end) = time.UtcBounds(estateId, from, to);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = db.ServiceRequests.AsNoTracking().Where(r => r.EstateId == estateId && r.ReceivedAt >= start && r.ReceivedAt < end);

        var byKind = await contacts.GroupBy(r => r.Kind).Select(g => new Count<RequestKind>(g.Key, g.Count())).ToListAsync(ct);
        var byChannel = await contacts.GroupBy(r => r.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byDepartment = await contacts.GroupBy(r => r.Department).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var settings = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == estateId, ct) ?? new ReceptionSettings { EstateId = estateId };
        var limit = TimeSpan.FromHours(settings.ComplaintReplyHours);

        var agreed = await contacts.Where(r => r.Kind == RequestKind.Inquiry && r.AgreedReplyAt != null)
            .Select(r => new Timed(r.ReceivedAt, r.AgreedReplyAt!.Value, r.RepliedAt)).ToListAsync(ct);
        var complaints = await contacts.Where(r => r.Kind == RequestKind.Complaint)
            .Select(r => new { r.ReceivedAt, r.RepliedAt }).ToListAsync(ct);
        var replied = await contacts.Where(r => r.RepliedAt != null)
            .Select(r => new { r.ReceivedAt, RepliedAt = r.RepliedAt!.Value }).ToListAsync(ct);

        // Answered on the spot (replied the moment it was received) says nothing about follow-up speed.
        var durations = replied.Select(r => r.RepliedAt - r.ReceivedAt).Where(d => d > TimeSpan.Zero).Order().ToList();

        var weeks = new List<WeekBucket>();
        for (var monday = LocalDays.Monday(from); monday <= to; monday = monday.AddDays(7))
        {
            var first = monday < from ? from : monday;
            var last = monday.AddDays(6) > to ? to : monday.AddDays(6);
            var (weekStart, weekEnd) = time.UtcBounds(estateId, first, last);
            var counts = await contacts.Where(r => r.ReceivedAt >= weekStart && r.ReceivedAt < weekEnd
                    && (r.Kind == RequestKind.Complaint || r.Kind == RequestKind.Inquiry))
                .GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            weeks.Add(new WeekBucket(monday,
                counts.Where(c => c.Key == RequestKind.Complaint).Sum(c => c.Count),
                counts.Where(c => c.Key == RequestKind.Inquiry).Sum(c => c.Count),
                OnTime(agreed.Where(a => a.ReceivedAt >= weekStart && a.ReceivedAt < weekEnd), now)));
        }

        return new ReceptionMeasures(
            from, to,
            byKind.Sum(k => k.Value),
            OnTime(agreed, now),
            OnTime(complaints.Select(c => new Timed(c.ReceivedAt, c.ReceivedAt + limit, c.RepliedAt)), now),
            settings.ComplaintReplyHours,
            durations.Count,
            Percentiles.Median(durations),
            Percentiles.NearestRank(durations, 0.9),
            byKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key).ToList(),
            byChannel.Select(c => new Count<Channel>(c.Key, c.Count)).OrderByDescending(c => c.Value).ThenBy(c => c.Key).ToList(),
            // Items never transferred are with customer service.
            byDepartment.GroupBy(d => d.Key ?? Department.CustomerService)
                .Select(g => new Count<Department>(g.Key, g.Sum(d => d.Count))).OrderByDescending(c => c.Value).ThenBy(c => c.Key).ToList(),
            weeks);
    }

    private sealed record Timed(DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? RepliedAt);

    private static Share OnTime(IEnumerable<Timed> items, DateTimeOffset now)
    {
        int met = 0, due = 0, pending = 0;
        foreach (var item in items)
        {
            if (item.RepliedAt is { } replied)
            {
                due++;
                if (replied <= item.DueAt)
                    met++;
            }
            else if (now >= item.DueAt)
                due++;
            else
                pending++;
        }
        return new Share(met, due, pending);
    }
}

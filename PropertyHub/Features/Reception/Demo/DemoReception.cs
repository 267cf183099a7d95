using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Demo;

/// <summary>
/// A fortnight of contacts for the demo estate, so the queue, wallboard, ledger and measures have something to
/// show on first start: closed history, and open items at every stage of their countdown (the escalation sweep
/// raises the warned and overdue ones within a minute).
/// </summary>
public sealed class DemoReception(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, TimeProvider clock, IConfiguration configuration, ILogger<DemoReception> logger)
{
    private sealed record Sample(RequestKind Kind, Channel Channel, string Content, Department? Department = null);

    private static readonly Sample[] Samples =
    [
        new(RequestKind.Complaint, Channel.ComplaintLine, "楼上装修噪音太大，晚上九点后还在施工。"),
        new(RequestKind.Complaint, Channel.Counter, "地下车库有积水，车位被淹。", Department.Engineering),
        new(RequestKind.Complaint, Channel.ServiceLine, "保安夜间巡逻不到位，单元门常开。", Department.Security),
        new(RequestKind.Inquiry, Channel.ServiceLine, "物业管理费可以按季度缴纳吗？"),
        new(RequestKind.Inquiry, Channel.Counter, "装修申请需要准备哪些资料？"),
        new(RequestKind.Inquiry, Channel.ServiceLine, "小区快递柜在哪里，几点开放？"),
        new(RequestKind.Repair, Channel.RepairHotline, "卫生间天花板渗水。", Department.Engineering),
        new(RequestKind.Repair, Channel.RepairHotline, "电梯按钮失灵（3号楼东梯）。", Department.Engineering),
        new(RequestKind.Suggestion, Channel.Letter, "建议在儿童游乐区增加遮阳棚。"),
        new(RequestKind.Message, Channel.ServiceLine, "请财务室回电，核对上月收据。", Department.Finance),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeedDemoData, ct);
        // Part of the demo data; Seed:DemoContacts=false leaves the queues empty (tests that count from zero).
        if (!configuration.GetValue("Seed:DemoContacts", true))
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ServiceRequests.AnyAsync(ct))
            return;
        var estate = await db.Estates.OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (estate is null)
            return;
        var clerk = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoUsers.All[0].Email, ct);
        var supervisor = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoUsers.All[1].Email, ct);
        var occupants = await db.Occupants.Include(o => o.Unit).OrderBy(o => o.Id).Take(60).ToListAsync(ct);
        if (clerk is null || supervisor is null || occupants.Count == 0)
            return;

        // The demo's VIPs get their service on their items, as intake gives it; the first open complaint is a VIP's, so
        // the queue shows the badge with the service manager from the start.
        var vips = await db.VipProfiles.AsNoTracking().Where(v => v.EndedAt == null).OrderBy(v => v.OccupantId)
            .Select(v => new { v.OccupantId, Terms = new OccupantFile.Vip.VipTerms(v.ComplaintReplyHours, v.RepairScheduleHours, v.CallBackMinutes, v.ServiceManagerId, v.ServiceManagerName) })
            .ToListAsync(ct);
        var terms = vips.ToDictionary(v => v.OccupantId, v => v.Terms);
        var vipOccupant = vips.Count == 0 ? null : await db.Occupants.Include(o => o.Unit).SingleAsync(o => o.Id == vips[0].OccupantId, ct);
        var settings = new ReceptionSettings { EstateId = estate.Id };
        var now = clock.GetUtcNow();
        var random = new Random(72);
        var requests = new List<ServiceRequest>();
        // Closed history: two items a day over the last fourteen days, most replied in time.
        for (var day = 14; day >= 1; day--)
        {
            for (var i = 0; i < 2; i++)
            {
                var sample = Samples[random.Next(Samples.Length)];
                var received = now.AddDays(-day).AddHours(-random.Next(1, 8));
                var request = New(estate.Id, sample, occupants[random.Next(occupants.Count)], received, settings, clerk, terms);
                var replied = request.DueAt is { } due
                    ? received + (due - received) * (random.Next(100) < 85 ? 0.4 : 1.2)
                    : received.AddHours(random.Next(1, 48));
                Reply(request, replied, supervisor, "已联系业户并处理完毕。");
                requests.Add(request);
            }
        }
        // Open now: fresh, warned, critical and overdue items.
        // One per sample: hours since received, and for inquiries the agreed reply time in hours from now.
        double[] hoursAgo = [0.2, 50, 69, 1, 3, 20, 75, 21, 2, 0.1];
        double[] agreedIn = [0, 0, 0, 3, 0.4, -1, 0, 0, 0, 0];
        for (var i = 0; i < Samples.Length; i++)
        {
            var sample = Samples[i];
            var received = now.AddHours(-hoursAgo[i]);
            var agreed = sample.Kind == RequestKind.Inquiry ? now.AddHours(agreedIn[i]) : (DateTimeOffset?)null;
            var occupant = i == 0 && vipOccupant is not null ? vipOccupant : occupants[(i * 7) % occupants.Count];
            requests.Add(New(estate.Id, sample, occupant, received, settings, clerk, terms, agreed));
        }
        db.ServiceRequests.AddRange(requests);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo contacts", requests.Count);
    }

    private static ServiceRequest New(int estateId, Sample sample, Registry.Occupant occupant, DateTimeOffset received, ReceptionSettings settings, AppUser clerk,
        IReadOnlyDictionary<int, OccupantFile.Vip.VipTerms> vips, DateTimeOffset? agreed = null)
    {
        var agreedReply = sample.Kind == RequestKind.Inquiry ? agreed ?? received.AddHours(4) : (DateTimeOffset?)null;
        var vip = vips.GetValueOrDefault(occupant.Id);
        var deadline = Deadlines.For(sample.Kind, received, agreedReply, vip?.Apply(settings) ?? settings);
        var request = new ServiceRequest
        {
            EstateId = estateId,
            Kind = sample.Kind,
            Channel = sample.Channel,
            UnitId = occupant.UnitId,
            OccupantId = occupant.Id,
            CallerName = occupant.Name,
            Phone = occupant.Phone,
            Content = sample.Content,
            Department = sample.Department,
            ForColleague = sample.Kind == RequestKind.Message ? "财务室 张丽" : null,
            Status = RequestStatus.Open,
            ReceivedAt = received,
            AgreedReplyAt = agreedReply,
            DueAt = deadline.DueAt,
            WarnAt = deadline.WarnAt,
            TakenById = clerk.Id,
            TakenByName = clerk.DisplayName,
            ServiceManagerId = vip?.ServiceManagerId,
            ServiceManagerName = vip?.ServiceManagerName,
        };
        request.Timeline.Add(new TimelineEntry { Kind = TimelineKind.Created, At = received, ActorId = clerk.Id, ActorName = clerk.DisplayName });
        if (sample.Department is { } department)
            request.Timeline.Add(new TimelineEntry { Kind = TimelineKind.Transferred, At = received, ActorId = clerk.Id, ActorName = clerk.DisplayName, Department = department });
        return request;
    }

    private static void Reply(ServiceRequest request, DateTimeOffset at, AppUser by, string text)
    {
        var late = request.DueAt is { } due && at >= due;
        request.RepliedAt = at;
        request.RepliedLate = late;
        request.IsOverdue = late;
        request.Status = RequestStatus.Closed;
        request.ClosedAt = at;
        request.Timeline.Add(new TimelineEntry { Kind = TimelineKind.Replied, At = at, ActorId = by.Id, ActorName = by.DisplayName, Text = text, Channel = Channel.ServiceLine, Late = late });
    }
}

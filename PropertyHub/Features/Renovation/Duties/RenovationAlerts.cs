using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Resources;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// What the daily renovation duty raises (P1§9): a queue item for the supervisor per subject, and for permits and passes
/// ending within <see cref="NoticeDays"/> days a notice to the owner and an SMS to the contractor. Each alert is saved
/// with its queue item and notices in one save and is unique on its subject's key: a second run, on another instance
/// or catching up a missed day, is refused by that key and adds nothing.
/// </summary>
public sealed class RenovationAlerts(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, EstateTime estateTime, TimeProvider clock,
    IStringLocalizer<RenovationText> text, ILogger<RenovationAlerts> logger)
{
    public const int NoticeDays = 3;
    public const string NoticeKind = "renovation";

    private sealed record Subject(int ApplicationId, RenovationAlertKind Kind, string Key, DateOnly? Ends, int Count);

    /// <summary>Raises what is due on <paramref name="day"/> (estate time) and not raised before; returns how many this run raised.</summary>
    public async Task<int> RaiseAsync(DateOnly day, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RaiseRenovationAlerts, ct);
        var until = day.AddDays(NoticeDays);
        var overdueFrom = day.AddDays(-NoticeDays);
        var subjects = new List<Subject>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var running = db.RenovationApplications.AsNoTracking().Where(a => a.Status == RenovationStatus.PermitIssued);
            subjects.AddRange((await running.Where(a => a.PermitTo >= day && a.PermitTo <= until).Select(a => new { a.Id, a.PermitTo }).ToListAsync(ct))
                .Select(a => new Subject(a.Id, RenovationAlertKind.PermitExpiring, $"permit-expiring:{a.Id}", a.PermitTo, 1)));
            // Passes ending with their permit are in the permit's notice; one ending earlier gets its own.
            subjects.AddRange((await db.WorkerPasses.AsNoTracking()
                    .Where(p => p.RevokedAt == null && p.ReturnedAt == null && p.ValidTo >= day && p.ValidTo <= until)
                    .Join(running, p => p.ApplicationId, a => a.Id, (p, a) => new { p.ApplicationId, p.ValidTo, a.PermitTo })
                    .Where(x => x.ValidTo != x.PermitTo).ToListAsync(ct))
                .GroupBy(x => (x.ApplicationId, x.ValidTo))
                .Select(g => new Subject(g.Key.ApplicationId, RenovationAlertKind.PassExpiring,
                    $"pass-expiring:{g.Key.ApplicationId}:{g.Key.ValidTo:yyyyMMdd}", g.Key.ValidTo, g.Count())));
            subjects.AddRange((await running.Where(a => a.PlannedEnd < day).Select(a => new { a.Id, a.PlannedEnd }).ToListAsync(ct))
                .Select(a => new Subject(a.Id, RenovationAlertKind.WorksOverdue, $"works-overdue:{a.Id}", a.PlannedEnd, 1)));
            var completed = await db.RenovationApplications.AsNoTracking().Where(a => a.Status == RenovationStatus.Completed)
                .Join(db.RenovationInspections, a => a.Id, i => i.ApplicationId, (a, i) => new { a.Id, a.EstateId, i.InspectedAt })
                .Select(x => new { x.Id, x.EstateId, x.InspectedAt, Out = db.WorkerPasses.Count(p => p.ApplicationId == x.Id && p.ReturnedAt == null) })
                .Where(x => x.Out > 0).ToListAsync(ct);
            subjects.AddRange(completed.Where(x => estateTime.LocalDate(x.EstateId, x.InspectedAt) <= overdueFrom)
                .Select(x => new Subject(x.Id, RenovationAlertKind.PassesNotReturned, $"passes-out:{x.Id}", null, x.Out)));
            var raised = subjects.Select(s => s.Key).ToList();
            var done = (await db.RenovationAlerts.AsNoTracking().Where(a => raised.Contains(a.Key)).Select(a => a.Key).ToListAsync(ct)).ToHashSet();
            subjects.RemoveAll(s => done.Contains(s.Key));
        }
        var count = 0;
        foreach (var subject in subjects)
        {
            if (await RaiseOneAsync(subject, day, ct))
                count++;
        }
        logger.LogInformation("Raised {Count} renovation alerts on {Day}", count, day);
        return count;
    }

    /// <summary>One alert, its queue item and its notices in one transaction; false when another run raised it first.</summary>
    private Task<bool> RaiseOneAsync(Subject subject, DateOnly day, CancellationToken ct) =>
        RetriedTransaction.RunAsync(dbFactory, db => RaiseOneAsync(db, subject, day, ct), raised => raised, _ => false, ct);

    private async Task<bool> RaiseOneAsync(AppDbContext db, Subject subject, DateOnly day, CancellationToken ct)
    {
        var a = await db.RenovationApplications.AsNoTracking().Where(x => x.Id == subject.ApplicationId)
            .Select(x => new { x.Id, x.EstateId, x.UnitId, x.OccupantId, x.PermitNumber, x.ContractorName, x.ContractorPhone, BuildingId = db.Units.Where(u => u.Id == x.UnitId).Select(u => u.BuildingId).First(),
                Unit = db.Units.Where(u => u.Id == x.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First() })
            .SingleAsync(ct);
        var owner = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == a.OccupantId, ct);
        var now = clock.GetUtcNow();
        var ends = subject.Ends?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string Say(CultureInfo culture) => NoticeOutbox.WriteIn(culture, () => text[$"Alert_{subject.Kind}", a.Unit, a.PermitNumber ?? "", ends, subject.Count].Value);
        var staff = NoticeOutbox.CultureOf(NoticeOutbox.DefaultLanguage);
        var reception = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == a.EstateId, ct) ?? new ReceptionSettings { EstateId = a.EstateId };
        var deadline = Deadlines.For(RequestKind.Message, now, null, reception);
        var item = new ServiceRequest
        {
            EstateId = a.EstateId,
            Kind = RequestKind.Message,
            Channel = Channel.Letter,
            UnitId = a.UnitId,
            OccupantId = a.OccupantId,
            Content = Say(staff),
            Department = Department.Property,
            Level = EscalationLevel.Supervisor,
            Status = RequestStatus.Open,
            ReceivedAt = now,
            DueAt = deadline.DueAt,
            WarnAt = deadline.WarnAt,
            TakenByName = NoticeOutbox.WriteIn(staff, () => text["DutyName"].Value),
        };
        item.Timeline.Add(ReceptionService.Entry(TimelineKind.Created, new Actor(null, item.TakenByName), now));
        db.ServiceRequests.Add(item);
        await db.SaveChangesAsync(ct);
        db.RenovationAlerts.Add(new RenovationAlert { ApplicationId = a.Id, Kind = subject.Kind, Key = subject.Key, Day = day, RaisedAt = now, ServiceRequestId = item.Id });
        if (subject.Kind is RenovationAlertKind.PermitExpiring or RenovationAlertKind.PassExpiring)
        {
            var source = $"renovation:{subject.Key}";
            var place = new NoticePlace(a.EstateId, a.BuildingId);
            NoticeOutbox.AddForOccupant(db, owner, place, NoticeKind, source,
                culture => new NoticeText(NoticeOutbox.WriteIn(culture, () => text["AlertSubject"].Value), Say(culture)), now);
            db.Notices.Add(new Notice
            {
                EstateId = a.EstateId, BuildingId = a.BuildingId, Kind = NoticeKind, SourceKey = source, Channel = NoticeChannel.Sms,
                RecipientKey = $"contractor:{a.Id}", Address = a.ContractorPhone, Language = staff.Name,
                Subject = NoticeOutbox.WriteIn(staff, () => text["AlertSubject"].Value), Body = Say(staff),
                Status = NoticeStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another run raised it first: its queue item and notices stand; this transaction, queue item too, rolls back.
            return false;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Repairs;

/// <summary>
/// The evening-before reminder (P4 一): every standing appointment of a scheduled work order on the next day gets one
/// reminder to the occupant. Exactly once per appointment however often it runs, even at the same time: the notice is
/// unique on its source, the appointment, and a second insert is refused by that key, never by a look first. Visits
/// whose window has started are left out: after a week down, the catch-up reminds only of those still to come.
/// </summary>
public sealed class AppointmentReminders(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    AppointmentNotices notices,
    EstateTime estateTime,
    TimeProvider clock,
    ILogger<AppointmentReminders> logger)
{
    /// <summary>Reminds the appointments whose window starts on <paramref name="day"/> (estate time); returns how many this run reminded.</summary>
    public async Task<int> RemindAsync(DateOnly day, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RemindAppointments, ct);
        // A day wide in every zone: the window is checked against each estate's own calendar below.
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
        var to = from.AddDays(1).AddHours(28);
        // A run late after downtime (the catch-up of a missed evening) never reminds of a visit whose time has come.
        var now = clock.GetUtcNow();
        List<(Appointment Appointment, int EstateId, int? UnitId, int? OccupantId)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.Appointments.AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.Current && a.WindowStart >= from && a.WindowStart < to && a.WindowStart > now)
                .Join(db.WorkOrders.Where(w => w.Status == WorkOrderStatus.Scheduled && w.UnitId != null), a => a.WorkOrderId, w => w.Id,
                    (a, w) => new { Appointment = a, w.EstateId, w.UnitId, w.Request!.OccupantId })
                .Where(x => !db.Notices.Any(n => n.Kind == AppointmentNotices.ReminderKind && n.SourceKey == "appointment:" + x.Appointment.Id))
                .ToListAsync(ct);
            due = [.. rows.Where(x => estateTime.LocalDate(x.EstateId, x.Appointment.WindowStart) == day)
                .Select(x => (x.Appointment, x.EstateId, x.UnitId, x.OccupantId))];
        }
        var reminded = 0;
        foreach (var item in due)
        {
            if (await RemindOneAsync(item.Appointment, item.EstateId, item.UnitId, item.OccupantId, ct))
                reminded++;
        }
        logger.LogInformation("Reminded {Count} repair appointments on {Day}", reminded, day);
        return reminded;
    }

    private async Task<bool> RemindOneAsync(Appointment appointment, int estateId, int? unitId, int? occupantId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AppointmentNotices.RecipientAsync(db, unitId, occupantId, ct) is not { } to)
            return false;
        notices.AddReminder(db, to, estateId, appointment, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another run reminded it first.
            return false;
        }
    }
}

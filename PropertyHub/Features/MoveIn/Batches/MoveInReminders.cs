using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// The reminder before the handover: every owner whose handover (the slot picked, else the batch's first day) is due
/// within <see cref="MoveInOptions.ReminderDaysBefore"/> days and not past is reminded once. Exactly once per owner
/// however often it runs, at the same time or catching up after days down: the notice is unique on its source, the
/// move-in, and a second insert is refused by that key, never by a look first.
/// </summary>
public sealed class MoveInReminders(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, MoveInNotices notices,
    EstateTime estateTime, TimeProvider clock, IOptions<MoveInOptions> options, ILogger<MoveInReminders> logger)
{
    /// <summary>Reminds the handovers due from today up to <paramref name="day"/> + the days before; returns how many this run reminded.</summary>
    public async Task<int> RemindAsync(DateOnly day, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RemindMoveIns, ct);
        var until = day.AddDays(options.Value.ReminderDaysBefore);
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.IsBackground = true;
            var rows = await db.MoveIns.AsNoTracking().Where(m => m.MovedInOn == null && m.CancelKey == 0)
                .Where(m => !db.Notices.Any(n => n.Kind == MoveInNotices.ReminderKind && n.SourceKey == "move-in:" + m.Id))
                .Select(m => new { m.Id, m.EstateId, Day = m.Slot != null ? m.Slot.Day : db.MoveInBatches.Where(b => b.Id == m.BatchId).Select(b => b.FirstDay).First() })
                .Where(m => m.Day <= until).ToListAsync(ct);
            // Never about a day already past on the estate's calendar (a run catching up after downtime).
            due = [.. rows.Where(r => r.Day >= estateTime.Today(r.EstateId)).Select(r => r.Id)];
        }
        var reminded = 0;
        foreach (var id in due)
        {
            if (await RemindOneAsync(id, ct))
                reminded++;
        }
        logger.LogInformation("Reminded {Count} owners of their handover by {Day}", reminded, until);
        return reminded;
    }

    private async Task<bool> RemindOneAsync(int moveInId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IsBackground = true;
        var row = await db.MoveIns.AsNoTracking().Where(m => m.Id == moveInId)
            .Select(m => new
            {
                m.Id, m.EstateId, m.Slot,
                Batch = db.MoveInBatches.Where(b => b.Id == m.BatchId).Select(b => new { b.FirstDay, b.LastDay }).First(),
                Owner = db.Occupants.First(o => o.Id == m.OccupantId),
                Unit = db.Units.Where(u => u.Id == m.UnitId).Select(u => new { u.BuildingId, Address = u.Building!.Code + "-" + u.Number }).First(),
            }).SingleAsync(ct);
        var when = row.Slot?.Label ?? $"{row.Batch.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}–{row.Batch.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        notices.AddReminder(db, row.Id, row.Owner, new NoticePlace(row.EstateId, row.Unit.BuildingId), row.Unit.Address, when, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another run reminded this owner first.
            return false;
        }
    }
}

/// <summary>The daily duty behind <see cref="MoveInReminders"/>.</summary>
public sealed class MoveInReminderDuty(IServiceScopeFactory scopes, IOptions<MoveInOptions> options) : IScheduledDuty
{
    public const string DutyName = "move-in-reminders";

    public string Name => DutyName;

    public string Cron => options.Value.ReminderCron;

    public string PeriodOf(DateTime localOccurrence) => DateOnly.FromDateTime(localOccurrence).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var day = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<MoveInReminders>().RemindAsync(day, cancellationToken);
    }
}

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
/// The reminder before the handover: every owner whose handover (the slot picked, else the first of its days) is due
/// within <see cref="MoveInOptions.ReminderDaysBefore"/> days and not past is reminded once. Exactly once per owner and
/// handover however often it runs, at the same time or catching up after days down: the notice is unique on its source,
/// the move-in (and its last move on its own), and a second insert is refused by that key, never by a look first.
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
            // A unit taken out of its batch is never reminded; one moved on its own is reminded of its own days, once more
            // if it was reminded of the old ones (the reminder's source names its last move).
            var rows = await db.MoveIns.AsNoTracking().Where(m => m.MovedInOn == null && m.CancelKey == 0)
                .Select(m => new
                {
                    m.Id, m.EstateId, SlotDay = m.Slot != null ? (DateOnly?)m.Slot.Day : null,
                    Move = db.MoveInBatchChanges.Where(c => c.MoveInId == m.Id && c.Kind == BatchChangeKind.UnitMoved).OrderByDescending(c => c.Id)
                        .Select(c => new { c.Id, c.ToFirstDay }).FirstOrDefault(),
                    BatchDay = db.MoveInBatches.Where(b => b.Id == m.BatchId).Select(b => b.FirstDay).First(),
                })
                .Select(m => new
                {
                    m.Id, m.EstateId, Day = m.SlotDay ?? (m.Move != null ? m.Move.ToFirstDay : m.BatchDay),
                    Source = m.Move != null ? "move-in:" + m.Id + ":moved:" + m.Move.Id : "move-in:" + m.Id,
                })
                .Where(m => m.Day <= until && !db.Notices.Any(n => n.Kind == MoveInNotices.ReminderKind && n.SourceKey == m.Source)).ToListAsync(ct);
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
                Move = db.MoveInBatchChanges.Where(c => c.MoveInId == m.Id && c.Kind == BatchChangeKind.UnitMoved).OrderByDescending(c => c.Id)
                    .Select(c => new { c.Id, c.ToFirstDay, c.ToLastDay }).FirstOrDefault(),
                Owner = db.Occupants.First(o => o.Id == m.OccupantId),
                Unit = db.Units.Where(u => u.Id == m.UnitId).Select(u => new { u.BuildingId, Address = u.Building!.Code + "-" + u.Number }).First(),
            }).SingleAsync(ct);
        var days = row.Move is { } move ? new HandoverDays(move.ToFirstDay, move.ToLastDay) : new HandoverDays(row.Batch.FirstDay, row.Batch.LastDay);
        var when = row.Slot?.Label ?? days.ToString();
        notices.AddReminder(db, MoveInNotices.ReminderSource(row.Id, row.Move?.Id), row.Owner, new NoticePlace(row.EstateId, row.Unit.BuildingId), row.Unit.Address, when,
            clock.GetUtcNow());
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

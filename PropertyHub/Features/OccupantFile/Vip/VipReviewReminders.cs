using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>
/// Makes the reminders of VIP reviews due by a day: one per (profile, review date). The unique key decides, not a
/// look first: a reminder another run made meanwhile is left alone, so however many runs there are, each review is
/// reminded of once. A review moved to a new date is reminded of again when that date comes.
/// </summary>
public sealed class VipReviewReminders(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, TimeProvider clock, ILogger<VipReviewReminders> logger)
{
    private const int BatchSize = 200;

    /// <summary>Reminds of every review due on or before <paramref name="day"/> not reminded of yet; returns how many this run made.</summary>
    public async Task<int> RemindAsync(DateOnly day, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RemindVipReviews, ct);
        var made = 0;
        var afterId = 0;
        while (true)
        {
            List<(int Id, DateOnly ReviewOn)> due;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                db.IsBackground = true;
                due = (await db.VipProfiles.AsNoTracking()
                    .Where(v => v.Id > afterId && v.ReviewOn <= day && v.EndedAt == null
                        && !db.VipReviewReminders.Any(r => r.VipProfileId == v.Id && r.ReviewOn == v.ReviewOn))
                    .OrderBy(v => v.Id).Take(BatchSize).Select(v => new { v.Id, v.ReviewOn }).ToListAsync(ct))
                    .Select(v => (v.Id, v.ReviewOn)).ToList();
            }
            foreach (var (id, reviewOn) in due)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.IsBackground = true;
                db.VipReviewReminders.Add(new VipReviewReminder { VipProfileId = id, ReviewOn = reviewOn, RemindedAt = clock.GetUtcNow() });
                try
                {
                    await db.SaveChangesAsync(ct);
                    made++;
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    logger.LogDebug("VIP review {ProfileId} on {ReviewOn} already reminded of by another run", id, reviewOn);
                }
            }
            if (due.Count < BatchSize)
                break;
            afterId = due[^1].Id;
        }
        if (made > 0)
            logger.LogInformation("Reminded of {Count} VIP reviews due by {Day}", made, day);
        return made;
    }
}

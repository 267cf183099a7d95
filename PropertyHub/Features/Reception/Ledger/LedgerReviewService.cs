using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Ledger;

/// <summary>What recording a review did: saved, or refused with a message in the user's language and nothing written.</summary>
public sealed record ReviewResult(LedgerReview? Review, string? Error)
{
    public bool Succeeded => Review is not null;
}

/// <summary>Days that had contacts but no daily review, and the last full week if it had contacts but no weekly review.</summary>
public sealed record ReviewGaps(IReadOnlyList<DateOnly> MissedDays, DateOnly? MissedWeek)
{
    public bool Any => MissedDays.Count > 0 || MissedWeek is not null;
}

/// <summary>
/// Reviews of the front-desk ledger: the supervisor's daily review with follow-up arrangements (P3 4.2.4) and the
/// manager's weekly review with guidance (P3 4.2.5). One review per estate, kind and period: the unique key decides.
/// </summary>
public sealed class LedgerReviewService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentActor currentActor,
    Permissions permissions,
    IServiceProvider services,
    EstateTime time,
    TimeProvider clock,
    IStringLocalizer<LedgerText> text,
    ILogger<LedgerReviewService> logger)
{
    public const int MaxNotesLength = 2000;
    /// <summary>How far back the banner looks for a missed daily review.</summary>
    public const int BannerDays = 14;

    /// <summary>Daily reviews of days in the range and weekly reviews of weeks overlapping it, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerReview>> ListAsync(int estateId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var firstMonday = LocalDays.Monday(from);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LedgerReviews.AsNoTracking()
            .Where(r => r.EstateId == estateId && r.PeriodStart <= to
                && ((r.Kind == ReviewKind.Daily && r.PeriodStart >= from) || (r.Kind == ReviewKind.Weekly && r.PeriodStart >= firstMonday)))
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.Kind)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Records the review of <paramref name="day"/> (daily) or of the week containing it (weekly). Follow-up
    /// arrangements are required for a day that left items open; guidance is required for a weekly review.
    /// </summary>
    public async Task<ReviewResult> RecordAsync(int estateId, ReviewKind kind, DateOnly day, string? notes, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(kind == ReviewKind.Weekly ? Can.ReviewLedgerWeekly : Can.ReviewLedgerDaily, ct))
            return Refused(kind == ReviewKind.Daily ? "DailyReviewNotAllowed" : "WeeklyReviewNotAllowed");
        var period = kind == ReviewKind.Daily ? day : LocalDays.Monday(day);
        if (period > time.Today(estateId))
            return Refused("ReviewInFuture");
        notes = Registry.TypedText.Text(notes);
        if (notes?.Length > MaxNotesLength)
            return Refused("NotesTooLong", MaxNotesLength);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (notes is null && kind == ReviewKind.Weekly)
            return Refused("GuidanceRequired");
        if (notes is null && await OpenItemsAsync(db, estateId, day, ct) is > 0 and var open)
            return Refused("FollowUpRequired", open);

        var actor = await currentActor.GetAsync();
        var review = new LedgerReview
        {
            EstateId = estateId, Kind = kind, PeriodStart = period, ReviewedAt = clock.GetUtcNow(),
            ReviewerId = actor.UserId, ReviewerName = actor.Name, Notes = notes,
        };
        db.LedgerReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique key (estate, kind, period) stops a second review, also when two are saved at once.
            var existing = await FindAsync(estateId, kind, period, ct);
            if (existing is null)
                throw;
            return Refused("AlreadyReviewed", existing.ReviewerName, time.ToLocal(estateId, existing.ReviewedAt).ToString(LedgerFormat.TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        }
        logger.LogInformation("Recorded {Kind} ledger review of {Period} for estate {EstateId}", kind, period, estateId);
        return new ReviewResult(review, null);
    }

    /// <summary>Items received on the local day that are still open.</summary>
    public async Task<int> OpenItemsAsync(int estateId, DateOnly day, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OpenItemsAsync(db, estateId, day, ct);
    }

    /// <summary>
    /// Past days (since the first contact ever logged, at most <see cref="BannerDays"/> back, up to yesterday) with
    /// contacts and no daily review; and the previous full week if it had contacts and no weekly review.
    /// </summary>
    public async Task<ReviewGaps> GapsAsync(int estateId, CancellationToken ct = default)
    {
        var today = time.Today(estateId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = await db.ServiceRequests.Where(r => r.EstateId == estateId).OrderBy(r => r.ReceivedAt)
            .Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefaultAsync(ct);
        if (first is null)
            return new ReviewGaps([], null);
        var start = time.LocalDate(estateId, first.Value);
        if (start < today.AddDays(-BannerDays))
            start = today.AddDays(-BannerDays);
        var reviewed = await db.LedgerReviews
            .Where(r => r.EstateId == estateId && r.Kind == ReviewKind.Daily && r.PeriodStart >= start && r.PeriodStart < today)
            .Select(r => r.PeriodStart).ToListAsync(ct);
        var missed = new List<DateOnly>();
        for (var day = start; day < today; day = day.AddDays(1))
        {
            if (!reviewed.Contains(day) && await HasContactsAsync(db, estateId, day, day, ct))
                missed.Add(day);
        }
        var lastMonday = LocalDays.Monday(today).AddDays(-7);
        var weekMissed = await HasContactsAsync(db, estateId, lastMonday, lastMonday.AddDays(6), ct)
            && !await db.LedgerReviews.AnyAsync(r => r.EstateId == estateId && r.Kind == ReviewKind.Weekly && r.PeriodStart == lastMonday, ct);
        return new ReviewGaps(missed, weekMissed ? lastMonday : null);
    }

    private async Task<LedgerReview?> FindAsync(int estateId, ReviewKind kind, DateOnly period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LedgerReviews.AsNoTracking().SingleOrDefaultAsync(r => r.EstateId == estateId && r.Kind == kind && r.PeriodStart == period, ct);
    }

    private Task<bool> HasContactsAsync(AppDbContext db, int estateId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = time.UtcBounds(estateId, from, to);
        return db.ServiceRequests.AnyAsync(r => r.EstateId == estateId && r.ReceivedAt >= start && r.ReceivedAt < end, ct);
    }

    private Task<int> OpenItemsAsync(AppDbContext db, int estateId, DateOnly day, CancellationToken ct)
    {
        var (start, end) = time.UtcBounds(estateId, day, day);
        return db.ServiceRequests.CountAsync(r => r.EstateId == estateId && r.ReceivedAt >= start && r.ReceivedAt < end && r.Status == RequestStatus.Open, ct);
    }

    private ReviewResult Refused(string key, params object[] args) => new(null, text[key, args]);

    private async Task<ClaimsPrincipal> PrincipalAsync()
    {
        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http?.User.Identity?.IsAuthenticated == true && !http.WebSockets.IsWebSocketRequest)
            return http.User;
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                return (await provider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit there is no authentication state: nobody may review.
            }
        }
        return new ClaimsPrincipal(new ClaimsIdentity());
    }
}

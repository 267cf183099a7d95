using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Settings;

/// <summary>An estate's calendar as the user saw it: the Version goes back with the change.</summary>
public sealed record EstateCalendar(int EstateId, string EstateName, int Version, ServiceCalendar Calendar);

/// <summary>
/// The outcome of a save: saved, refused by the rules (nothing written), or a conflict with someone
/// else's change (nothing written; <see cref="Current"/> holds the fresh record).
/// </summary>
public sealed record CalendarSaveResult(bool Saved, IReadOnlyList<RuleViolation> Violations, bool Conflict, EstateCalendar? Current)
{
    public static CalendarSaveResult Invalid(IReadOnlyList<RuleViolation> violations) => new(false, violations, false, null);
}

/// <summary>Reads and changes each estate's service calendar; other features ask it when lines are staffed.</summary>
public sealed class ServiceCalendarService(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, TimeProvider clock, EstateTime estateTime, ILogger<ServiceCalendarService> logger)
{
    public async Task<IReadOnlyList<EstateCalendar>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estates = await db.Estates.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        return [.. estates.Select(ToRecord)];
    }

    public async Task<EstateCalendar?> GetAsync(int estateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estate = await db.Estates.AsNoTracking().SingleOrDefaultAsync(e => e.Id == estateId, ct);
        return estate is null ? null : ToRecord(estate);
    }

    /// <summary>The estate's calendar; throws when the estate does not exist.</summary>
    public async Task<ServiceCalendar> GetCalendarAsync(int estateId, CancellationToken ct = default) =>
        (await GetAsync(estateId, ct))?.Calendar ?? throw new InvalidOperationException($"Estate {estateId} not found");

    public async Task<bool> IsServiceLineOpenAsync(int estateId, DateTimeOffset at, CancellationToken ct = default) =>
        (await GetCalendarAsync(estateId, ct)).IsServiceLineOpen(TimeOnly.FromDateTime(estateTime.ToLocal(estateId, at).DateTime));

    public Task<bool> IsServiceLineOpenNowAsync(int estateId, CancellationToken ct = default) =>
        IsServiceLineOpenAsync(estateId, clock.GetUtcNow(), ct);

    /// <summary>Saves the calendar if it keeps the rules and nobody changed the estate since <paramref name="seenVersion"/>.</summary>
    public async Task<CalendarSaveResult> SaveAsync(int estateId, int seenVersion, ServiceCalendar changes, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.EditCalendar, ct);
        var violations = ServiceCalendarRules.Check(changes).ToList();
        if (violations.Count > 0)
            return CalendarSaveResult.Invalid(violations);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estate = await db.Estates.SingleOrDefaultAsync(e => e.Id == estateId, ct)
            ?? throw new InvalidOperationException($"Estate {estateId} not found");
        db.Entry(estate).Property(e => e.Version).OriginalValue = seenVersion;
        var calendar = estate.Calendar;
        calendar.TimeZoneId = changes.TimeZoneId.Trim();
        calendar.CounterOpens = changes.CounterOpens;
        calendar.CounterCloses = changes.CounterCloses;
        calendar.ServiceLineOpens = changes.ServiceLineOpens;
        calendar.ServiceLineCloses = changes.ServiceLineCloses;
        calendar.RepairHotlineAllDay = changes.RepairHotlineAllDay;
        calendar.ComplaintLineAllDay = changes.ComplaintLineAllDay;
        // The calendar lives in the estate's row as an owned value: mark the estate changed so its
        // Version is checked and bumped even when only calendar fields differ.
        db.Entry(estate).Property(e => e.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Service calendar of estate {EstateId} changed by someone else; not saved", estateId);
            return new CalendarSaveResult(false, [], true, await GetAsync(estateId, ct));
        }
        estateTime.Forget(estateId);
        logger.LogInformation("Service calendar of estate {EstateId} saved", estateId);
        return new CalendarSaveResult(true, [], false, ToRecord(estate));
    }

    private static EstateCalendar ToRecord(Estate e) => new(e.Id, e.Name, e.Version, Copy(e.Calendar));

    /// <summary>A detached copy, so a form can edit it without touching tracked state.</summary>
    public static ServiceCalendar Copy(ServiceCalendar c) => new()
    {
        TimeZoneId = c.TimeZoneId,
        CounterOpens = c.CounterOpens,
        CounterCloses = c.CounterCloses,
        ServiceLineOpens = c.ServiceLineOpens,
        ServiceLineCloses = c.ServiceLineCloses,
        RepairHotlineAllDay = c.RepairHotlineAllDay,
        ComplaintLineAllDay = c.ComplaintLineAllDay,
    };
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Audit;

/// <summary>One change as the audit view shows it: personal values already masked, the time in the estate's zone.</summary>
public sealed record AuditChangeView(string Field, string? Old, string? New);

public sealed record AuditEntryView(long Id, DateTimeOffset At, string UserName, AuditAction Action, IReadOnlyList<AuditChangeView> Changes);

/// <summary>Reads the audit trail of one record for the audit view, a page at a time.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory, EstateTime estateTime)
{
    /// <summary>The sort key for oldest first; anything else (or none) lists the newest first.</summary>
    public const string SortByTime = "at";

    /// <summary>
    /// One page of the record's entries (of one action, if given), newest first unless <see cref="SortByTime"/> ascending is
    /// asked for; their times on the clock of the estate the record belongs to (<paramref name="estateId"/>). Personal values
    /// (phones, ID numbers) are masked for everyone here.
    /// </summary>
    public async Task<Slice<AuditEntryView>> PageAsync(string entityType, int entityId, int estateId, AuditAction? action, PageRequest page,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId);
        if (action is { } only)
            entries = entries.Where(a => a.Action == only);
        var oldestFirst = page.SortBy == SortByTime && !page.Descending;
        var ordered = oldestFirst
            ? entries.OrderBy(a => a.At).ThenBy(a => a.Id)
            : entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        var slice = await ordered.ToSliceAsync(page, ct);
        return new Slice<AuditEntryView>(slice.Rows
            .Select(a => new AuditEntryView(a.Id, estateTime.ToLocal(estateId, a.At), a.UserName, a.Action,
                a.Changes.Select(c => new AuditChangeView(c.Field, Shown(c, c.Old), Shown(c, c.New))).ToList()))
            .ToList(), slice.Total);
    }

    private static string? Shown(AuditChange change, string? value) =>
        value is null || !change.IsPersonal ? value
        : change.Field.Contains("Phone", StringComparison.Ordinal) ? Phones.Mask(value)
        : IdNumbers.Mask(value);
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Audit;

/// <summary>One change as the audit view shows it: personal values already masked, the time in the estate's zone.</summary>
public sealed record AuditChangeView(string Field, string? Old, string? New);

public sealed record AuditEntryView(long Id, DateTimeOffset At, string UserName, AuditAction Action, IReadOnlyList<AuditChangeView> Changes);

/// <summary>Reads the audit trail of one record for the audit view.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory, EstateTime estateTime)
{
    public const int MaxEntries = 200;

    /// <summary>
    /// The newest entries first, their times on the clock of the estate the record belongs to (<paramref name="estateId"/>).
    /// Personal values (phones, ID numbers) are masked for everyone here.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntryView>> GetTrailAsync(string entityType, int entityId, int estateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(MaxEntries)
            .ToListAsync(ct);
        return entries
            .Select(a => new AuditEntryView(a.Id, estateTime.ToLocal(estateId, a.At), a.UserName, a.Action,
                a.Changes.Select(c => new AuditChangeView(c.Field, Shown(c, c.Old), Shown(c, c.New))).ToList()))
            .ToList();
    }

    private static string? Shown(AuditChange change, string? value) =>
        value is null || !change.IsPersonal ? value
        : change.Field.Contains("Phone", StringComparison.Ordinal) ? Phones.Mask(value)
        : IdNumbers.Mask(value);
}

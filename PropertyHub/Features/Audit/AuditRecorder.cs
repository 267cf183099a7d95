using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PropertyHub.Data;

namespace PropertyHub.Features.Audit;

/// <summary>Turns the pending changes of a context into audit entries.</summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> Ignored = [nameof(IVersioned.Version)];

    public static List<PendingAudit> Collect(AppDbContext db)
    {
        var now = db.Clock.GetUtcNow();
        var result = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries<IAudited>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            // A created record's values are read after its insert (see PendingAudit.ToEntry): before it, keys of
            // records created together (a new unit's BuildingId) are EF's temporary placeholders.
            var changes = entry.State == EntityState.Added ? null : Changes(entry);
            if (entry.State == EntityState.Modified && changes!.Count == 0)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Changed,
            };
            result.Add(new PendingAudit(entry, action, changes, db.Actor, now));
        }
        return result;
    }

    internal static List<AuditChange> Changes(EntityEntry<IAudited> entry)
    {
        var state = entry.State;
        return entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !Ignored.Contains(p.Metadata.Name))
            .Where(p => state != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .Select(p => new AuditChange
            {
                Field = p.Metadata.Name,
                Old = state is EntityState.Added or EntityState.Unchanged ? null : Format(p.OriginalValue),
                New = state == EntityState.Deleted ? null : Format(p.CurrentValue),
                IsPersonal = p.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>() is not null,
            })
            .Where(c => state is not (EntityState.Added or EntityState.Unchanged) || c.New is not null)
            .ToList();
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>One record's change waiting for its audit row; <see cref="Changes"/> is null for a created record until it is inserted.</summary>
internal sealed record PendingAudit(EntityEntry<IAudited> Entry, AuditAction Action, List<AuditChange>? Changes, Actor Actor, DateTimeOffset At)
{
    /// <summary>
    /// Called after the record's own save. A created record is then either still Added with its store-generated values
    /// (saved, not yet accepted: the entry's current values include them, the CLR properties not yet) or, once accepted,
    /// Unchanged: either way the entry's current values hold the real keys.
    /// </summary>
    public AuditEntry ToEntry() => new()
    {
        EntityType = Entry.Metadata.ClrType.Name,
        EntityId = Action == AuditAction.Created ? (int)Entry.Property(nameof(IAudited.Id)).CurrentValue! : Entry.Entity.Id,
        Action = Action,
        UserId = Actor.UserId,
        UserName = Actor.Name,
        At = At,
        Changes = Changes ?? AuditRecorder.Changes(Entry),
    };
}

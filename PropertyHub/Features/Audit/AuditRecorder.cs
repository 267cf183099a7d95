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
            var changes = entry.Properties
                .Where(p => !p.Metadata.IsPrimaryKey() && !Ignored.Contains(p.Metadata.Name))
                .Where(p => entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                .Select(p => new AuditChange
                {
                    Field = p.Metadata.Name,
                    Old = entry.State == EntityState.Added ? null : Format(p.OriginalValue),
                    New = entry.State == EntityState.Deleted ? null : Format(p.CurrentValue),
                    IsPersonal = p.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>() is not null,
                })
                .Where(c => entry.State != EntityState.Added || c.New is not null)
                .ToList();
            if (entry.State == EntityState.Modified && changes.Count == 0)
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

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

internal sealed record PendingAudit(EntityEntry<IAudited> Entry, AuditAction Action, List<AuditChange> Changes, Actor Actor, DateTimeOffset At)
{
    public AuditEntry ToEntry() => new()
    {
        EntityType = Entry.Metadata.ClrType.Name,
        EntityId = Entry.Entity.Id,
        Action = Action,
        UserId = Actor.UserId,
        UserName = Actor.Name,
        At = At,
        Changes = Changes,
    };
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// Where an occupant handed a unit stands (the registry's "active" mark): moved in on a day, or awaiting the move-in.
/// Only occupants of a unit in a standing batch have a mark; those who lived there before move-ins were kept have none.
/// </summary>
public sealed record MoveInMark(DateOnly? MovedInOn)
{
    public bool Active => MovedInOn is not null;
}

public static class MoveInMarks
{
    /// <summary>The marks of the occupants given that have one (a cancelled batch's move-ins are not a mark), by occupant id.</summary>
    public static async Task<IReadOnlyDictionary<int, MoveInMark>> OfAsync(AppDbContext db, IReadOnlyCollection<int> occupantIds, CancellationToken ct)
    {
        if (occupantIds.Count == 0)
            return new Dictionary<int, MoveInMark>();
        var rows = await db.MoveIns.AsNoTracking().Where(m => m.CancelKey == 0 && occupantIds.Contains(m.OccupantId))
            .Select(m => new { m.OccupantId, m.MovedInOn, m.Id }).ToListAsync(ct);
        // An owner handed two units is marked on each unit's occupant row; within one row the latest move-in speaks.
        return rows.GroupBy(r => r.OccupantId).ToDictionary(g => g.Key, g => new MoveInMark(g.OrderByDescending(r => r.Id).First().MovedInOn));
    }
}

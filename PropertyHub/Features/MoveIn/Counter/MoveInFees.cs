using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Fees.Counter;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// What the owner owes at the move-in counter: the unit as the counter shows it, with only the requests billed to this
/// owner from the month they move in (the first request follows from the move-in day). An older bill of the unit — a
/// previous occupant's, or one from before the handover — is not this owner's to pay at the handover, so it is not offered.
/// </summary>
public static class MoveInFees
{
    public static async Task<CounterUnit?> OwedAsync(AppDbContext db, MoveInSheet sheet, DateOnly today, CancellationToken ct = default)
    {
        if (await CounterQueries.UnitAsync(db, sheet.UnitId, ct) is not { } unit)
            return null;
        var from = sheet.MovedInOn ?? today;
        var firstMonth = new DateOnly(from.Year, from.Month, 1);
        var owners = await db.PaymentRequests.AsNoTracking()
            .Where(r => r.UnitId == sheet.UnitId && r.OccupantId == sheet.OccupantId && r.Month >= firstMonth).Select(r => r.Id).ToListAsync(ct);
        var payer = unit.Payers.Any(p => p.Id == sheet.OccupantId) ? sheet.OccupantId : unit.DefaultPayerId;
        return unit with { OpenRequests = [.. unit.OpenRequests.Where(r => owners.Contains(r.Id))], DefaultPayerId = payer };
    }
}

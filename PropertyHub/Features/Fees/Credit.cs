using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fees;

/// <summary>A unit's credit: what its payments brought beyond what was allocated to its requests.</summary>
public static class Credit
{
    /// <summary>What the unit has paid that no request has taken yet.</summary>
    public static async Task<decimal> OfAsync(AppDbContext db, int unitId, CancellationToken ct)
    {
        // Summed here, not in SQL: SQLite has no decimal arithmetic, and a unit has few payments.
        var paid = await db.Payments.Where(p => p.UnitId == unitId).Select(p => p.Amount).ToListAsync(ct);
        var allocated = await db.PaymentAllocations.Where(a => db.Payments.Any(p => p.Id == a.PaymentId && p.UnitId == unitId))
            .Select(a => a.Amount).ToListAsync(ct);
        return paid.Sum() - allocated.Sum();
    }

    /// <summary>
    /// Allocates the unit's credit to the given requests, oldest request first and from the oldest payment on, in the
    /// caller's context (saved in its transaction). Returns what it allocated.
    /// </summary>
    public static async Task<decimal> ApplyAsync(AppDbContext db, int unitId, IReadOnlyList<PaymentRequest> requests, CancellationToken ct)
    {
        if (requests.All(r => r.Total - r.Paid <= 0))
            return 0;
        var payments = await db.Payments.AsNoTracking().Where(p => p.UnitId == unitId).Include(p => p.Allocations)
            .OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var credit = payments.Sum(p => p.Amount) - payments.Sum(p => p.Allocations.Sum(a => a.Amount));
        var applied = 0m;
        foreach (var payment in payments.Where(p => p.Amount > 0))
        {
            var free = Math.Min(payment.Amount - payment.Allocations.Sum(a => a.Amount), credit - applied);
            foreach (var request in requests)
            {
                var part = Math.Min(free, request.Total - request.Paid);
                if (part <= 0)
                    continue;
                db.PaymentAllocations.Add(new PaymentAllocation { PaymentId = payment.Id, PaymentRequestId = request.Id, Amount = part });
                request.Paid += part;
                free -= part;
                applied += part;
            }
        }
        return applied;
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fees;

/// <summary>
/// A unit's credit: what its payments brought beyond what was allocated to its requests. Only money received and not
/// reversed is a source of credit: a reversal takes back everything its payment was allocated to, credit applied to
/// later requests included, so a reversed payment and its reversal always add up to nothing.
/// </summary>
public static class Credit
{
    /// <summary>What the unit has paid that no request has taken yet.</summary>
    public static async Task<decimal> OfAsync(AppDbContext db, int unitId, CancellationToken ct)
    {
        // Summed here, not in SQL: SQLite has no decimal arithmetic, and a unit has few payments.
        var sources = await Sources(db, unitId).Select(p => new { p.Amount, Allocated = p.Allocations.Select(a => a.Amount).ToList() }).ToListAsync(ct);
        return sources.Sum(p => p.Amount - p.Allocated.Sum());
    }

    /// <summary>
    /// Allocates the unit's credit to the given requests, oldest request first and from the oldest payment on, in the
    /// caller's context (saved in its transaction). Returns what it allocated.
    /// </summary>
    public static async Task<decimal> ApplyAsync(AppDbContext db, int unitId, IReadOnlyList<PaymentRequest> requests, CancellationToken ct)
    {
        if (requests.All(r => r.Total - r.Paid <= 0))
            return 0;
        await LockAsync(db, unitId, ct);
        var payments = await Sources(db, unitId).AsNoTracking().Include(p => p.Allocations)
            .OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var applied = 0m;
        foreach (var payment in payments)
        {
            var free = payment.Amount - payment.Allocations.Sum(a => a.Amount);
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

    /// <summary>
    /// Holds the unit's payment rows until the caller's transaction ends, so applying credit and reversing a payment of
    /// the same unit take turns: otherwise, at read committed, credit could be allocated from a payment that a reversal
    /// running meanwhile is about to undo (and the reversal would not see that allocation to take it back).
    /// </summary>
    public static Task LockAsync(AppDbContext db, int unitId, CancellationToken ct) =>
        db.Payments.Where(p => p.UnitId == unitId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceivedBy, p => p.ReceivedBy), ct);

    /// <summary>Money received for the unit and not reversed: reversals and reversed payments are never a source of credit.</summary>
    private static IQueryable<Payment> Sources(AppDbContext db, int unitId) =>
        db.Payments.Where(p => p.UnitId == unitId && p.ReversalOfId == null && !db.Payments.Any(r => r.ReversalOfId == p.Id));
}

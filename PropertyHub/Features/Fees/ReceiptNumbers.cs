using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fees;

/// <summary>
/// Gives the next receipt number of an estate's year inside the caller's transaction. The counter row is updated
/// in place (the database locks it until commit), so concurrent payments queue for it, and a payment that rolls
/// back gives its number back: numbers are unique and without gaps.
/// </summary>
public static class ReceiptNumbers
{
    public static string Format(int year, int seq) => $"R{year:0000}-{seq:000000}";

    public static async Task<int> NextAsync(AppDbContext db, int estateId, int year, CancellationToken ct)
    {
        var updated = await db.ReceiptCounters.Where(c => c.EstateId == estateId && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), ct);
        if (updated == 0)
        {
            // The year's first receipt. A concurrent first one fails on the key and its payment is retried.
            db.ReceiptCounters.Add(new ReceiptCounter { EstateId = estateId, Year = year, Last = 1 });
            await db.SaveChangesAsync(ct);
            return 1;
        }
        return await db.ReceiptCounters.Where(c => c.EstateId == estateId && c.Year == year).Select(c => c.Last).SingleAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>A closed month is locked: nothing dated in it may be recorded, paid or reversed (P1§8.4).</summary>
public static class FundMonthLock
{
    /// <summary>"MonthClosed" when the date falls in a closed month of the account, else null.</summary>
    public static async Task<string?> ErrorAsync(AppDbContext db, int accountId, DateOnly date, CancellationToken ct)
    {
        var month = FundMonth.Of(date);
        return await db.FundMonths.AnyAsync(m => m.FundAccountId == accountId && m.Month == month && m.ClosedAt != null, ct)
            ? "MonthClosed" : null;
    }
}

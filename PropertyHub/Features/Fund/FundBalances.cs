using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fund;

/// <summary>An account's balance, summed here rather than in SQL: SQLite has no decimal arithmetic.</summary>
public static class FundBalances
{
    public static async Task<FundBalance> OfAsync(AppDbContext db, FundAccount account, CancellationToken ct)
    {
        var lines = await db.FundEntries.AsNoTracking().Where(e => e.FundAccountId == account.Id && e.Status != FundEntryStatus.Rejected)
            .Select(e => new { e.Kind, e.Status, e.Amount }).ToListAsync(ct);
        var ledger = account.OpeningBalance;
        var committed = 0m;
        foreach (var line in lines)
        {
            if (FundEntry.Posts(line.Status))
                ledger += FundEntry.Signed(line.Kind, line.Amount);
            else if (FundEntry.Commits(line.Status))
                committed += line.Amount;
        }
        return new FundBalance(ledger, committed);
    }
}

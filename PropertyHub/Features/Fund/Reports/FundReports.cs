using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Fund.Reports;

/// <summary>
/// The fund's reports (issue 13, item 6): the balance month by month, the spending by usage item and by building and
/// common part for one calendar year. Summed here rather than in SQL, like <see cref="FundBalances"/>: SQLite has no decimal arithmetic.
/// </summary>
public sealed class FundReports(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, EstateTime estateTime)
{
    /// <summary>The year's report (the estate's current year when none is given), or null when the account does not exist.
    /// Months before the account was opened or after the estate's current month are left out; a year wholly outside them
    /// has no months.</summary>
    public async Task<FundReport?> YearAsync(int accountId, int? year = null, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return null;
        var asked = Math.Clamp(year ?? estateTime.Today(account.EstateId).Year, 1, 9998);
        return await PeriodAsync(db, account, new DateOnly(asked, 1, 1), new DateOnly(asked + 1, 1, 1), ct);
    }

    /// <summary>The months from <paramref name="from"/> up to <paramref name="until"/> (exclusive, both first days of a
    /// month) and the spending by usage item in them; the caller has checked access.</summary>
    internal async Task<FundReport> PeriodAsync(AppDbContext db, FundAccount account, DateOnly from, DateOnly until, CancellationToken ct)
    {
        var estateName = await db.Estates.Where(e => e.Id == account.EstateId).Select(e => e.Name).SingleAsync(ct);
        var today = estateTime.Today(account.EstateId);
        var lines = await db.FundEntries.AsNoTracking()
            .Where(e => e.FundAccountId == account.Id && (e.Status == FundEntryStatus.Posted || e.Status == FundEntryStatus.Paid)
                && (e.PaidOn ?? e.Date) < until)
            .Select(e => new Line(e.Kind, e.Source, e.UsageItem, e.PaidOn ?? e.Date, e.Amount, e.ReversalOfId != null, e.BuildingId, e.CommonPart))
            .ToListAsync(ct);
        // Every outflow of the period: under its usage item, or (an adjustment explained in the reconciliation, such as a
        // bank charge) on the adjustments row, so the usage items and the places add up to the months' spending.
        var outflows = lines.Where(l => l.Kind == FundEntryKind.Expenditure && l.Day >= from).ToList();
        var spent = outflows.Where(l => l.UsageItem is not null).ToList();
        var unitemised = outflows.Where(l => l.UsageItem is null).ToList();
        var byUsage = Enum.GetValues<FundUsageItem>()
            .Select(item => new FundReportUsage(item, spent.Where(l => l.UsageItem == item).Sum(l => l.Amount),
                spent.Count(l => l.UsageItem == item && !l.IsReversal)))
            .ToList();
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.EstateId == account.EstateId).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var byPlace = spent.GroupBy(l => (l.BuildingId, l.CommonPart))
            .Select(g => new FundReportPlace(g.Key.BuildingId, g.Key.BuildingId is { } b ? buildings.GetValueOrDefault(b) : null, g.Key.CommonPart,
                g.Sum(l => l.Amount), g.Count(l => !l.IsReversal)))
            .OrderBy(p => p.IsNamed ? 0 : 1).ThenBy(p => p.Building is null ? 1 : 0).ThenBy(p => p.Building, StringComparer.Ordinal)
            .ThenBy(p => p.CommonPart, StringComparer.Ordinal)
            .ToList();
        return new FundReport(account.Id, estateName, account.BankName, FundRules.Mask(account.AccountNumber), from.Year,
            Months(account, from, until, today, lines), byUsage)
        {
            Years = Years(account.OpeningDate, today),
            ByPlace = byPlace,
            Adjustments = new FundReportAdjustments(unitemised.Sum(l => l.Amount), unitemised.Count(l => !l.IsReversal)),
        };
    }

    /// <summary>The years a report may be asked for: from the opening date's to the estate's current one.</summary>
    private static IReadOnlyList<int> Years(DateOnly opened, DateOnly today) =>
        Enumerable.Range(opened.Year, Math.Max(today.Year - opened.Year + 1, 1)).ToList();

    private static List<FundReportMonth> Months(FundAccount account, DateOnly from, DateOnly until, DateOnly today, List<Line> lines)
    {
        var months = new List<FundReportMonth>();
        var month = new[] { from, new DateOnly(account.OpeningDate.Year, account.OpeningDate.Month, 1) }.Max();
        var balance = account.OpeningBalance + lines.Where(l => l.Day < month).Sum(l => FundEntry.Signed(l.Kind, l.Amount));
        for (; month < until && month <= today; month = month.AddMonths(1))
        {
            var inMonth = lines.Where(l => l.Day >= month && l.Day < month.AddMonths(1)).ToList();
            decimal Received(FundReceiptSource source) =>
                inMonth.Where(l => l.Kind == FundEntryKind.Receipt && l.Source == source).Sum(l => l.Amount);
            var row = new FundReportMonth(month, balance, Received(FundReceiptSource.OwnerContributions), Received(FundReceiptSource.Interest),
                Received(FundReceiptSource.Other), inMonth.Where(l => l.Kind == FundEntryKind.Expenditure).Sum(l => l.Amount));
            months.Add(row);
            balance = row.Closing;
        }
        return months;
    }

    private sealed record Line(FundEntryKind Kind, FundReceiptSource? Source, FundUsageItem? UsageItem, DateOnly Day, decimal Amount, bool IsReversal,
        int? BuildingId, string? CommonPart);
}

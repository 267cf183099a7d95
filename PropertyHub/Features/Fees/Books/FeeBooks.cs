using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Fees.Books;

/// <summary>
/// The fee books (P1§7.5): receivable, collected, received and arrears per unit, building and estate for a month,
/// the aging of what is outstanding, and the collection rate month by month.
/// Money is summed in memory per group where the rows are one month's requests or payments (exact decimals); the
/// twelve-month collection trend, which reads every request of a year, is summed in SQL as double (SQLite has no
/// decimal arithmetic) and rounded back to the fen, exact for any total below ten billion yuan.
/// </summary>
public sealed partial class FeeBooks(IDbContextFactory<AppDbContext> dbFactory, EstateTime estateTime, TimeProvider clock)
{
    public const int TrendMonths = 12;

    public static readonly string[] AgingKeys = ["NotDue", "Days1To30", "Days31To60", "Days61To90", "Over90"];

    /// <summary>The month the estate's calendar is in today (with no estate yet, the default zone's: see <see cref="EstateTime"/>).</summary>
    public DateOnly CurrentMonth(int? estateId) =>
        FirstDay(estateId is { } id ? estateTime.LocalDate(id, clock.GetUtcNow()) : estateTime.LocalDate(clock.GetUtcNow()));

    public static DateOnly FirstDay(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The month the books open on: the last month billed up to the current one (before the 15th the current month
    /// has no requests yet), else the current month.
    /// </summary>
    public async Task<DateOnly> OpeningMonthAsync(int? estateId, CancellationToken ct = default)
    {
        var current = CurrentMonth(estateId);
        if (estateId is not { } id)
            return current;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var billed = await db.PaymentRequests.AsNoTracking().Where(r => r.EstateId == id && r.Month <= current)
            .OrderByDescending(r => r.Month).Select(r => (DateOnly?)r.Month).FirstOrDefaultAsync(ct);
        return billed ?? current;
    }

    /// <summary>The UTC instant the estate's day begins, on that estate's clock.</summary>
    public DateTimeOffset StartOf(int estateId, DateOnly day) => estateTime.StartOfDay(estateId, day);

    public async Task<IReadOnlyList<BooksEstate>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.AsNoTracking().OrderBy(e => e.Id).Select(e => new BooksEstate(e.Id, e.Name)).ToListAsync(ct);
    }

    public async Task<FeeBook?> BookAsync(int estateId, DateOnly month, CancellationToken ct = default)
    {
        month = FirstDay(month);
        var asOf = estateTime.Today(estateId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estate = await db.Estates.AsNoTracking().Where(e => e.Id == estateId).Select(e => e.Name).SingleOrDefaultAsync(ct);
        if (estate is null)
            return null;
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.EstateId == estateId).OrderBy(b => b.Code.Length).ThenBy(b => b.Code)
            .Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);
        var units = (await db.Units.AsNoTracking().Where(u => u.Building!.EstateId == estateId)
            .Select(u => new { u.Id, u.BuildingId, u.Building!.Code, u.Number }).ToListAsync(ct)).ToDictionary(u => u.Id);

        // The month's requests: one row per billed unit.
        var billed = await db.PaymentRequests.AsNoTracking().Where(r => r.EstateId == estateId && r.Month == month)
            .Select(r => new { r.UnitId, r.Total, r.Paid }).ToListAsync(ct);
        // Payments received in the month by their date in estate time, reversals included.
        var (start, end) = (StartOf(estateId, month), StartOf(estateId, month.AddMonths(1)));
        var received = await db.Payments.AsNoTracking().Where(p => p.EstateId == estateId && p.ReceivedAt >= start && p.ReceivedAt < end)
            .Select(p => new { p.UnitId, p.Amount }).ToListAsync(ct);
        // Every request with money still owed (equality of decimals is exact in SQL; comparison is not on SQLite).
        var open = await db.PaymentRequests.AsNoTracking().Where(r => r.EstateId == estateId && r.Paid != r.Total)
            .Select(r => new { r.UnitId, r.Month, r.DueDate, r.Total, r.Paid }).ToListAsync(ct);
        var arrears = open.Where(r => r.Month <= month && r.DueDate < asOf).ToList();

        var billedOf = billed.ToLookup(r => r.UnitId);
        var receivedOf = received.ToLookup(p => p.UnitId);
        var arrearsOf = arrears.ToLookup(r => r.UnitId);
        var unitIds = billed.Select(r => r.UnitId).Concat(received.Select(p => p.UnitId)).Concat(arrears.Select(r => r.UnitId))
            .Where(units.ContainsKey).Distinct();
        var unitRows = unitIds.Select(id => new BooksUnit(id, units[id].BuildingId, $"{units[id].Code}-{units[id].Number}", new BooksFigures(
                billedOf[id].Sum(r => r.Total),
                billedOf[id].Sum(r => r.Paid),
                receivedOf[id].Sum(p => p.Amount),
                arrearsOf[id].Sum(r => r.Total - r.Paid))))
            .OrderBy(u => u.Unit, StringComparer.Ordinal).ToList();
        var unitsOf = unitRows.ToLookup(u => u.BuildingId);
        var names = Registry.BuildingNames.Of(buildings.Select(b => (b.Id, b.Code, (string?)b.Name)));
        var buildingRows = buildings.Select(b => new BooksBuilding(b.Id, names[b.Id], Add(unitsOf[b.Id].Select(u => u.Figures)))).ToList();

        var aging = AgingKeys.Select(key =>
        {
            var inBucket = open.Where(r => BucketOf(asOf, r.DueDate) == key).ToList();
            return new AgingBucket(key, inBucket.Sum(r => r.Total - r.Paid), inBucket.Count);
        }).ToList();

        var collection = await CollectionAsync(db, estateId, month, ct);
        return new FeeBook(estateId, estate, month, asOf, Add(unitRows.Select(u => u.Figures)), buildingRows, unitRows, aging, collection);
    }

    /// <summary>The aging bucket of a request due on <paramref name="due"/>, read on <paramref name="asOf"/>.</summary>
    public static string BucketOf(DateOnly asOf, DateOnly due)
    {
        var days = asOf.DayNumber - due.DayNumber;
        return days switch
        {
            <= 0 => AgingKeys[0],
            <= 30 => AgingKeys[1],
            <= 60 => AgingKeys[2],
            <= 90 => AgingKeys[3],
            _ => AgingKeys[4],
        };
    }

    private static BooksFigures Add(IEnumerable<BooksFigures> figures)
    {
        var all = figures.ToList();
        return new BooksFigures(all.Sum(f => f.Receivable), all.Sum(f => f.Collected), all.Sum(f => f.ReceivedInMonth), all.Sum(f => f.Arrears));
    }

    /// <summary>Receivable and collected per month for the twelve months up to <paramref name="last"/>, summed in SQL.</summary>
    public static async Task<IReadOnlyList<CollectionMonth>> CollectionAsync(AppDbContext db, int estateId, DateOnly last, CancellationToken ct)
    {
        var first = last.AddMonths(1 - TrendMonths);
        var sums = await db.PaymentRequests.AsNoTracking()
            .Where(r => r.EstateId == estateId && r.Month >= first && r.Month <= last)
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Total = g.Sum(r => (double)r.Total), Paid = g.Sum(r => (double)r.Paid) })
            .ToListAsync(ct);
        return Enumerable.Range(0, TrendMonths).Select(i => first.AddMonths(i)).Select(m =>
        {
            var sum = sums.FirstOrDefault(s => s.Month == m);
            return sum is null
                ? new CollectionMonth(m, 0, 0)
                : new CollectionMonth(m, FeeCalculator.Round((decimal)sum.Total), FeeCalculator.Round((decimal)sum.Paid));
        }).ToList();
    }
}

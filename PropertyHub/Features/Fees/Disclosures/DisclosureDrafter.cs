using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Fees.Books;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>
/// Drafts each estate's statement of a half-year (P1§7.6) as revision 1 with its income lines from the books and no
/// expenditure. Exactly once per estate and half-year: a statement already there is left alone, and the unique
/// (estate, half-year, revision) key refuses a second draft written at the same moment by another run.
/// </summary>
public sealed class DisclosureDrafter(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, FeeBooks books, TimeProvider clock, ILogger<DisclosureDrafter> logger)
{
    public async Task<int> DraftAsync(HalfYear halfYear, CancellationToken ct)
    {
        await permissions.DemandAsync(Can.DraftDisclosures, ct);
        var period = halfYear.ToString();
        await using var lookup = await dbFactory.CreateDbContextAsync(ct);
        var estates = await lookup.Estates.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var drafted = 0;
        foreach (var estateId in estates)
        {
            if (await lookup.Disclosures.AnyAsync(d => d.EstateId == estateId && d.Subject == Disclosure.FeesSubject && d.HalfYear == period, ct))
                continue;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var disclosure = new Disclosure
            {
                EstateId = estateId,
                HalfYear = period,
                Revision = 1,
                Status = DisclosureStatus.Draft,
                CreatedAt = clock.GetUtcNow(),
                Lines = await IncomeAsync(db, estateId, halfYear, ct),
            };
            db.Disclosures.Add(disclosure);
            try
            {
                await db.SaveChangesAsync(ct);
                drafted++;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another run drafted this estate's statement meanwhile.
            }
        }
        logger.LogInformation("Drafted {Count} semiannual statements for {HalfYear}", drafted, period);
        return drafted;
    }

    /// <summary>
    /// The half-year's fee income: money received in it (by receipt date in estate time, reversals included), split
    /// over the fee items of the requests it paid in proportion to their lines; paid services on their own line, and
    /// what no request has taken yet (credit) or no fee item names as other fee income. Summed in memory, to the fen.
    /// </summary>
    public async Task<List<DisclosureLine>> IncomeAsync(AppDbContext db, int estateId, HalfYear halfYear, CancellationToken ct)
    {
        var (start, end) = (books.StartOf(estateId, halfYear.FirstDay), books.StartOf(estateId, halfYear.Next.FirstDay));
        var payments = db.Payments.Where(p => p.EstateId == estateId && p.ReceivedAt >= start && p.ReceivedAt < end);
        var received = (await payments.Select(p => p.Amount).ToListAsync(ct)).Sum();
        var allocations = db.PaymentAllocations.Where(a => payments.Any(p => p.Id == a.PaymentId));
        var allocated = await allocations.Select(a => new { a.PaymentRequestId, a.Amount }).ToListAsync(ct);
        var lines = (await db.PaymentRequestLines.AsNoTracking()
                .Where(l => l.Kind != RequestLineKind.Arrears && allocations.Any(a => a.PaymentRequestId == l.PaymentRequestId))
                .Select(l => new { l.PaymentRequestId, l.Id, l.Kind, l.FeeItemId, l.Amount }).ToListAsync(ct))
            .ToLookup(l => l.PaymentRequestId);
        var items = await db.FeeItems.AsNoTracking().Where(i => i.EstateId == estateId).OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => new { i.Id, i.Code }).ToListAsync(ct);
        var codes = items.ToDictionary(i => i.Id, i => i.Code);

        var income = new Dictionary<string, decimal>();
        void Add(string category, decimal amount) => income[category] = income.GetValueOrDefault(category) + amount;
        foreach (var allocation in allocated)
        {
            var parts = lines[allocation.PaymentRequestId].OrderBy(l => l.Id).ToList();
            var whole = parts.Sum(l => l.Amount);
            if (whole == 0)
            {
                Add(DisclosureCategories.OtherIncome, allocation.Amount);
                continue;
            }
            var left = allocation.Amount;
            for (var i = 0; i < parts.Count; i++)
            {
                var share = i == parts.Count - 1 ? left : FeeCalculator.Round(allocation.Amount * parts[i].Amount / whole);
                left -= share;
                Add(parts[i] switch
                {
                    { Kind: RequestLineKind.PaidService } => DisclosureCategories.PaidServices,
                    { FeeItemId: { } item } when codes.ContainsKey(item) => DisclosureCategories.Fee(codes[item]),
                    _ => DisclosureCategories.OtherIncome,
                }, share);
            }
        }
        Add(DisclosureCategories.OtherIncome, received - allocated.Sum(a => a.Amount));

        var order = items.Select(i => DisclosureCategories.Fee(i.Code)).Concat([DisclosureCategories.PaidServices, DisclosureCategories.OtherIncome]).ToList();
        return income.Where(i => i.Value != 0).OrderBy(i => order.IndexOf(i.Key)).Select((i, n) => new DisclosureLine
        {
            Kind = DisclosureLineKind.Income,
            Category = i.Key,
            Amount = i.Value,
            Order = n + 1,
        }).ToList();
    }
}

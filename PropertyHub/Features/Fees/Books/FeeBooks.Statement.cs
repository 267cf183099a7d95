using Microsoft.EntityFrameworkCore;

namespace PropertyHub.Features.Fees.Books;

public sealed partial class FeeBooks
{
    /// <summary>Finds a unit by "A-101" (building code, dash, number) or by number alone when that is unique; the error is a BooksText key.</summary>
    public async Task<(int? UnitId, string? Error)> FindUnitAsync(int estateId, string? text, CancellationToken ct = default)
    {
        var clean = Registry.TypedText.Digits(text);
        if (string.IsNullOrEmpty(clean))
            return (null, "UnitRequired");
        if (Registry.TypedText.HasOtherDigits(clean))
            return (null, "UnitDigitsNotAscii");
        var dash = clean.IndexOf('-');
        var (code, number) = dash > 0 ? (clean[..dash], clean[(dash + 1)..]) : (null, clean);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Units.AsNoTracking()
            .Where(u => u.Building!.EstateId == estateId && u.Number == number && (code == null || u.Building.Code == code))
            .Select(u => u.Id).Take(2).ToListAsync(ct);
        return ids.Count switch
        {
            0 => (null, "UnitNotFound"),
            > 1 => (null, "UnitAmbiguous"),
            _ => (ids[0], null),
        };
    }

    public async Task<UnitStatement?> StatementAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Building!.Code, u.Number, u.Building.EstateId }).SingleOrDefaultAsync(ct);
        if (unit is null)
            return null;
        var items = await db.FeeItems.AsNoTracking().Where(i => i.EstateId == unit.EstateId).ToDictionaryAsync(i => i.Id, ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var requests = (await db.PaymentRequests.AsNoTracking().Where(r => r.UnitId == unitId).Include(r => r.Lines).ToListAsync(ct))
            .OrderBy(r => r.Month)
            .Select(r => new StatementRequest(r.Id, r.Month, r.DueDate, r.Total, r.Paid)
            {
                Lines = r.Lines.Where(l => l.Kind != RequestLineKind.Arrears).OrderBy(l => l.Id)
                    .Select(l => new Requests.RequestLineView(l.Kind, Requests.RequestLineLabels.Label(l, items, culture, ""), l.Amount)).ToList(),
            }).ToList();
        var months = requests.ToDictionary(r => r.Id, r => r.Month);
        var payments = await db.Payments.AsNoTracking().Where(p => p.UnitId == unitId).Include(p => p.Allocations)
            .OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var receipts = payments.ToDictionary(p => p.Id, p => p.ReceiptNumber);
        var rows = payments.Select(p => new StatementPayment(p.Id, p.ReceivedAt, p.ReceiptNumber, p.Method, p.Amount,
            p.ReversalOfId is { } of && receipts.TryGetValue(of, out var number) ? number : null, p.Reason,
            p.Allocations.OrderBy(a => a.Id)
                .Select(a => new StatementAllocation(a.PaymentRequestId, months.GetValueOrDefault(a.PaymentRequestId), a.Amount)).ToList())).ToList();
        var billed = requests.Sum(r => r.Total);
        var paid = payments.Sum(p => p.Amount);
        var allocated = payments.Sum(p => p.Allocations.Sum(a => a.Amount));
        return new UnitStatement(unit.Id, unit.EstateId, $"{unit.Code}-{unit.Number}", requests, rows, billed, paid, requests.Sum(r => r.Outstanding), paid - allocated);
    }
}

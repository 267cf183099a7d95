using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fees.Counter;

public sealed record CounterPayer(int Id, string Name, OccupantRole Role);

public sealed record CounterRequest(int Id, DateOnly Month, decimal Total, decimal Paid, DateOnly DueDate)
{
    public decimal Outstanding => Total - Paid;

    public bool IsOverdue(DateOnly today) => DueDate < today && Outstanding > 0;
}

/// <summary>A payment as the counter lists it; <see cref="ReversedBy"/> names the reversal's receipt when it was undone.</summary>
public sealed record CounterPayment(int Id, string ReceiptNumber, DateTimeOffset ReceivedAt, decimal Amount, PaymentMethod Method,
    string? Reference, string ReceivedBy, int? ReversalOfId, string? ReversalOfNumber, string? Reason, string? ReversedBy)
{
    public bool IsReversal => ReversalOfId is not null;

    public bool CanBeReversed => !IsReversal && ReversedBy is null;
}

/// <summary>What the counter shows for a unit: its payers, open requests (oldest first) and credit; its payments come a page at a time.</summary>
public sealed record CounterUnit(int UnitId, int EstateId, string Address, IReadOnlyList<CounterPayer> Payers, int? DefaultPayerId,
    IReadOnlyList<CounterRequest> OpenRequests, decimal Credit)
{
    public decimal TotalOutstanding => OpenRequests.Sum(r => r.Outstanding);

    /// <summary>What the payer still has to hand over: the credit kept from before goes first.</summary>
    public decimal ToCollect => Math.Max(0, TotalOutstanding - Credit);
}

public sealed record ReceiptLine(DateOnly Month, decimal Amount)
{
    /// <summary>What the month's request billed, by name in the reader's language (fee items, paid services).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
}

/// <summary>Everything printed on a receipt (收據), or on a red-ink reversal receipt (紅沖) when <see cref="IsReversal"/>.</summary>
public sealed record ReceiptView(int PaymentId, int EstateId, string EstateName, string OfficeName, string ReceiptNumber, DateTimeOffset ReceivedAt,
    string Address, string? Payer, decimal Amount, PaymentMethod Method, string? Reference, string ReceivedBy,
    IReadOnlyList<ReceiptLine> Lines, string? ReversalOfNumber, DateTimeOffset? ReversalOfDate, string? Reason, string? ReversedBy)
{
    public bool IsReversal => ReversalOfNumber is not null;

    /// <summary>The part no request took: kept as the unit's credit (or, on a reversal, credit taken back).</summary>
    public decimal Credit => Amount - Lines.Sum(l => l.Amount);
}

/// <summary>Which of a unit's payments the counter lists: all, those that stand, or the reversals and what they undid.</summary>
public enum PaymentShown
{
    All,
    Standing,
    Reversals,
}

/// <summary>Read-only queries of the counter and receipt pages. Money is summed in memory (SQLite has no decimal arithmetic).</summary>
public static class CounterQueries
{
    /// <summary>The sort key for receipt number order; anything else (or none) lists the newest payments first.</summary>
    public const string SortByReceipt = "receipt";

    public static async Task<CounterUnit?> UnitAsync(AppDbContext db, int unitId, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Building!.Code, u.Number, u.Building.EstateId }).SingleOrDefaultAsync(ct);
        if (unit is null)
            return null;
        var payers = await db.Occupants.AsNoTracking().Where(o => o.UnitId == unitId).OrderBy(o => o.Role).ThenBy(o => o.Id)
            .Select(o => new CounterPayer(o.Id, o.Name, o.Role)).ToListAsync(ct);
        var requests = (await db.PaymentRequests.AsNoTracking().Where(r => r.UnitId == unitId)
                .Select(r => new CounterRequest(r.Id, r.Month, r.Total, r.Paid, r.DueDate)).ToListAsync(ct))
            .Where(r => r.Outstanding > 0).OrderBy(r => r.Month).ThenBy(r => r.Id).ToList();
        // The payer of the latest request is the one who usually pays; else the first occupant (owners come first).
        var billed = await db.PaymentRequests.Where(r => r.UnitId == unitId).OrderByDescending(r => r.Month)
            .Select(r => (int?)r.OccupantId).FirstOrDefaultAsync(ct);
        var credit = await PaymentService.CreditOfAsync(db, unitId, ct);
        return new CounterUnit(unit.Id, unit.EstateId, $"{unit.Code}-{unit.Number}", payers, billed ?? payers.FirstOrDefault()?.Id, requests, credit);
    }

    /// <summary>
    /// One page of a unit's payments, newest first (or by receipt number), each with the receipt that reversed it or that it
    /// reversed; the total counts every payment the choice lets through.
    /// </summary>
    public static async Task<Slice<CounterPayment>> PaymentsAsync(AppDbContext db, int unitId, PaymentShown shown, PageRequest page,
        CancellationToken ct = default)
    {
        var payments = db.Payments.AsNoTracking().Where(p => p.UnitId == unitId);
        payments = shown switch
        {
            PaymentShown.Standing => payments.Where(p => p.ReversalOfId == null && !db.Payments.Any(r => r.ReversalOfId == p.Id)),
            PaymentShown.Reversals => payments.Where(p => p.ReversalOfId != null || db.Payments.Any(r => r.ReversalOfId == p.Id)),
            _ => payments,
        };
        var ordered = page.SortBy == SortByReceipt
            ? page.Descending ? payments.OrderByDescending(p => p.ReceiptNumber).ThenByDescending(p => p.Id) : payments.OrderBy(p => p.ReceiptNumber).ThenBy(p => p.Id)
            : payments.OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id);
        return await ordered
            .Select(p => new CounterPayment(p.Id, p.ReceiptNumber, p.ReceivedAt, p.Amount, p.Method, p.Reference, p.ReceivedBy,
                p.ReversalOfId, db.Payments.Where(o => o.Id == p.ReversalOfId).Select(o => o.ReceiptNumber).FirstOrDefault(), p.Reason,
                db.Payments.Where(r => r.ReversalOfId == p.Id).Select(r => r.ReceiptNumber).FirstOrDefault()))
            .ToSliceAsync(page, ct);
    }

    public static async Task<ReceiptView?> ReceiptAsync(AppDbContext db, int paymentId, CancellationToken ct = default)
    {
        var p = await db.Payments.AsNoTracking().Where(x => x.Id == paymentId).Select(x => new
        {
            x.Id, x.EstateId, x.UnitId, x.OccupantId, x.Amount, x.Method, x.Reference, x.ReceivedAt, x.ReceivedBy, x.ReceiptNumber,
            x.ReversalOfId, x.Reason,
        }).SingleOrDefaultAsync(ct);
        if (p is null)
            return null;
        var estate = await db.Estates.AsNoTracking().Where(e => e.Id == p.EstateId).Select(e => new { e.Name, e.OfficeName }).SingleAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == p.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
        var payer = p.OccupantId is null ? null
            : await db.Occupants.AsNoTracking().Where(o => o.Id == p.OccupantId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        var paidFor = await db.PaymentAllocations.AsNoTracking().Where(a => a.PaymentId == p.Id)
            .Join(db.PaymentRequests, a => a.PaymentRequestId, r => r.Id, (a, r) => new { RequestId = r.Id, r.Month, a.Amount }).ToListAsync(ct);
        var requestIds = paidFor.Select(a => a.RequestId).Distinct().ToList();
        var billed = (await db.Set<PaymentRequestLine>().AsNoTracking()
            .Where(l => requestIds.Contains(l.PaymentRequestId) && l.Kind != RequestLineKind.Arrears).ToListAsync(ct)).ToLookup(l => l.PaymentRequestId);
        var items = await db.FeeItems.AsNoTracking().Where(i => i.EstateId == p.EstateId).ToDictionaryAsync(i => i.Id, ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var lines = paidFor.OrderBy(a => a.Month).Select(a => new ReceiptLine(a.Month, a.Amount)
        {
            Items = billed[a.RequestId].OrderBy(l => l.Id).Select(l => Requests.RequestLineLabels.Label(l, items, culture, "")).Distinct().ToList(),
        }).ToList();
        var original = p.ReversalOfId is null ? null
            : await db.Payments.AsNoTracking().Where(o => o.Id == p.ReversalOfId).Select(o => new { o.ReceiptNumber, o.ReceivedAt }).SingleAsync(ct);
        var reversedBy = await db.Payments.AsNoTracking().Where(r => r.ReversalOfId == p.Id).Select(r => r.ReceiptNumber).FirstOrDefaultAsync(ct);
        return new ReceiptView(p.Id, p.EstateId, estate.Name, estate.OfficeName, p.ReceiptNumber, p.ReceivedAt, unit, payer, p.Amount, p.Method, p.Reference,
            p.ReceivedBy, lines, original?.ReceiptNumber, original?.ReceivedAt, p.Reason, reversedBy);
    }
}

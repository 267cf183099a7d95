using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees;

public sealed class PaymentInput
{
    public int UnitId { get; set; }
    public int? OccupantId { get; set; }
    public string? Amount { get; set; }
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
}

/// <summary>
/// A recorded payment: its receipt number, what went to which request, and what is left over as credit. Errors are
/// FeesText keys per field ("" for the whole form); nothing is written when there are any.
/// </summary>
public sealed record PaymentResult(IReadOnlyDictionary<string, string> Errors, int? PaymentId = null, string? ReceiptNumber = null,
    decimal Allocated = 0, decimal Credit = 0, decimal Amount = 0)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>This payment brought more than was owed: the rest is kept as the unit's credit (the clerk is told).</summary>
    public bool BecameCredit => Ok && Amount > 0 && Amount > Allocated;

    public static PaymentResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });
}

/// <summary>
/// Payments at the counter (P1§7.2): cash, bank transfer, WeChat Pay, Alipay or card; applied to the unit's open
/// requests oldest first, the rest kept as credit; each with a receipt numbered per estate and year without gaps.
/// Never deleted: <see cref="ReverseAsync"/> undoes one with a reason.
/// </summary>
public sealed class PaymentService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, EstateTime estateTime, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<PaymentResult> RecordAsync(PaymentInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.TakePayments, ct))
            return PaymentResult.Fail("", "NotAllowed");
        var (amount, amountError) = FeeRules.ParseAmount(input.Amount);
        var errors = new Dictionary<string, string>();
        if (amountError is not null)
            errors[nameof(input.Amount)] = amountError;
        else if (amount == 0)
            errors[nameof(input.Amount)] = "AmountMustBePositive";
        if (!Enum.IsDefined(input.Method))
            errors[nameof(input.Method)] = "MethodInvalid";
        else if (input.Method != PaymentMethod.Cash && TypedText.Digits(input.Reference) is null)
            errors[nameof(input.Reference)] = "ReferenceRequired";
        if (TypedText.Digits(input.Reference)?.Length > 100)
            errors[nameof(input.Reference)] = "ReferenceTooLong";
        if (errors.Count > 0)
            return new PaymentResult(errors);

        await using var lookup = await dbFactory.CreateDbContextAsync(ct);
        var unit = await lookup.Units.AsNoTracking().Where(u => u.Id == input.UnitId)
            .Select(u => new { u.Id, u.Building!.EstateId }).SingleOrDefaultAsync(ct);
        if (unit is null)
            return PaymentResult.Fail("UnitId", "UnitNotFound");
        var who = (await actor.GetAsync()).Name;
        return await WithRetriesAsync(db => RecordInAsync(db, unit.EstateId, input, amount!.Value, who, ct), ct);
    }

    /// <summary>Undoes a payment: a negative payment with its own receipt number, the reason, and its allocations taken back.</summary>
    public async Task<PaymentResult> ReverseAsync(int paymentId, string? reason, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ReversePayments, ct))
            return PaymentResult.Fail("", "NotAllowed");
        var why = TypedText.Text(reason);
        if (why is null)
            return PaymentResult.Fail("Reason", "ReasonRequired");
        if (why.Length > 500)
            return PaymentResult.Fail("Reason", "ReasonTooLong");
        var who = (await actor.GetAsync()).Name;
        return await WithRetriesAsync(db => ReverseInAsync(db, paymentId, why, who, ct), ct);
    }

    /// <summary>What the unit has paid that no request has taken yet.</summary>
    public static Task<decimal> CreditOfAsync(AppDbContext db, int unitId, CancellationToken ct) => Credit.OfAsync(db, unitId, ct);

    private async Task<PaymentResult> RecordInAsync(AppDbContext db, int estateId, PaymentInput input, decimal amount, string who, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The receipt year is the estate's: its sequence rolls over at the estate's midnight, not UTC's or the server's.
        var year = estateTime.LocalDate(estateId, now).Year;
        var seq = await ReceiptNumbers.NextAsync(db, estateId, year, ct);
        var payment = new Payment
        {
            EstateId = estateId,
            UnitId = input.UnitId,
            OccupantId = input.OccupantId,
            Amount = amount,
            Method = input.Method,
            Reference = TypedText.Digits(input.Reference),
            ReceivedAt = now,
            ReceivedBy = who,
            ReceiptYear = year,
            ReceiptSeq = seq,
            ReceiptNumber = ReceiptNumbers.Format(year, seq),
        };
        var open = (await db.PaymentRequests.Where(r => r.UnitId == input.UnitId).ToListAsync(ct))
            .Where(r => r.Outstanding > 0).OrderBy(r => r.Month).ThenBy(r => r.Id).ToList();
        // Credit kept from earlier payments goes first, then this payment: oldest request first.
        await Credit.ApplyAsync(db, input.UnitId, open, ct);
        var fromThis = amount;
        foreach (var request in open)
        {
            var part = Math.Min(request.Outstanding, fromThis);
            if (part <= 0)
                continue;
            payment.Allocations.Add(new PaymentAllocation { PaymentRequestId = request.Id, Amount = part });
            request.Paid += part;
            fromThis -= part;
        }
        db.Payments.Add(payment);
        // A request paid in full at the counter needs no more visits at the door.
        var settled = open.Where(r => r.Outstanding <= 0).Select(r => r.Id).ToList();
        foreach (var task in await db.CollectionTasks.Where(t => settled.Contains(t.PaymentRequestId) && t.Status != CollectionStatus.Paid).ToListAsync(ct))
            task.Status = CollectionStatus.Paid;
        await db.SaveChangesAsync(ct);
        return new PaymentResult(new Dictionary<string, string>(), payment.Id, payment.ReceiptNumber, amount - fromThis,
            await Credit.OfAsync(db, input.UnitId, ct), amount);
    }

    private async Task<PaymentResult> ReverseInAsync(AppDbContext db, int paymentId, string reason, string who, CancellationToken ct)
    {
        var unitId = await db.Payments.Where(p => p.Id == paymentId).Select(p => (int?)p.UnitId).SingleOrDefaultAsync(ct);
        if (unitId is null)
            return PaymentResult.Fail("", "PaymentNotFound");
        // Before reading the allocations: credit being applied from this payment meanwhile is then either seen here or waits.
        await Credit.LockAsync(db, unitId.Value, ct);
        var original = await db.Payments.Include(p => p.Allocations).SingleAsync(p => p.Id == paymentId, ct);
        if (original.ReversalOfId is not null)
            return PaymentResult.Fail("", "CannotReverseReversal");
        if (await db.Payments.AnyAsync(p => p.ReversalOfId == paymentId, ct))
            return PaymentResult.Fail("", "AlreadyReversed");
        var now = clock.GetUtcNow();
        var year = estateTime.LocalDate(original.EstateId, now).Year;
        var seq = await ReceiptNumbers.NextAsync(db, original.EstateId, year, ct);
        var reversal = new Payment
        {
            EstateId = original.EstateId,
            UnitId = original.UnitId,
            OccupantId = original.OccupantId,
            Amount = -original.Amount,
            Method = original.Method,
            Reference = original.Reference,
            ReceivedAt = now,
            ReceivedBy = who,
            ReceiptYear = year,
            ReceiptSeq = seq,
            ReceiptNumber = ReceiptNumbers.Format(year, seq),
            ReversalOfId = original.Id,
            Reason = reason,
        };
        // Everything the payment paid is taken back, what its credit paid on later requests included: one line per
        // request on the reversal's receipt, so those requests are owed again and their history says why.
        var takenBack = original.Allocations.GroupBy(a => a.PaymentRequestId)
            .Select(g => (RequestId: g.Key, Amount: g.Sum(a => a.Amount))).Where(x => x.Amount != 0).ToList();
        var requestIds = takenBack.Select(x => x.RequestId).ToList();
        var requests = await db.PaymentRequests.Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var (requestId, amount) in takenBack)
        {
            reversal.Allocations.Add(new PaymentAllocation { PaymentRequestId = requestId, Amount = -amount });
            requests[requestId].Paid -= amount;
        }
        db.Payments.Add(reversal);
        await db.SaveChangesAsync(ct);
        // Credit the unit still has from other payments settles what is owed again, as it would at the next payment.
        var open = (await db.PaymentRequests.Where(r => r.UnitId == original.UnitId).ToListAsync(ct))
            .Where(r => r.Outstanding > 0).OrderBy(r => r.Month).ThenBy(r => r.Id).ToList();
        await Credit.ApplyAsync(db, original.UnitId, open, ct);
        // Owed again: a collection task closed as paid goes back on the collectors' list.
        var owed = open.Where(r => r.Outstanding > 0).Select(r => r.Id).ToList();
        foreach (var task in await db.CollectionTasks.Where(t => owed.Contains(t.PaymentRequestId) && t.Status == CollectionStatus.Paid).ToListAsync(ct))
            task.Status = CollectionStatus.Open;
        await db.SaveChangesAsync(ct);
        return new PaymentResult(new Dictionary<string, string>(), reversal.Id, reversal.ReceiptNumber, -takenBack.Sum(x => x.Amount),
            await Credit.OfAsync(db, original.UnitId, ct), reversal.Amount);
    }

    /// <summary>
    /// One transaction per attempt: a concurrency conflict (a request changed meanwhile) or a first-of-the-year
    /// receipt race rolls back everything, its receipt number included, and tries again.
    /// </summary>
    private async Task<PaymentResult> WithRetriesAsync(Func<AppDbContext, Task<PaymentResult>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    // A retried attempt starts from the database again: requests tracked by the failed one still
                    // carry its allocations (and a query would hand those back), its receipt counter its number.
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var result = await work(db);
                    if (result.Ok)
                        await transaction.CommitAsync(ct);
                    return result;
                });
            }
            catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)))
            {
            }
        }
    }
}

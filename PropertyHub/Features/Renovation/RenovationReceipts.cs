using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Renovation;

/// <summary>Money taken or paid back for a renovation, on a receipt numbered in the counter's sequence.</summary>
public static class RenovationReceipts
{
    /// <summary>The method and its reference as typed: the cleaned reference, or the (field, key) of the problem.</summary>
    public static (string? Reference, (string Field, string Key)? Problem) Check(PaymentMethod method, string? reference)
    {
        var clean = TypedText.Digits(reference);
        return !Enum.IsDefined(method) ? (null, ("Method", "MethodInvalid"))
            : method != PaymentMethod.Cash && clean is null ? (null, ("Reference", "ReferenceRequired"))
            : clean?.Length > 100 ? (null, ("Reference", "ReferenceTooLong"))
            : (clean, null);
    }

    /// <summary>Adds the payment with the next receipt number of the estate's year, inside the caller's transaction (a failed save gives the number back).</summary>
    public static async Task<RenovationPayment> AddAsync(AppDbContext db, RenovationPayment payment, DateOnly today, CancellationToken ct)
    {
        payment.ReceiptYear = today.Year;
        payment.ReceiptSeq = await ReceiptNumbers.NextAsync(db, payment.EstateId, today.Year, ct);
        payment.ReceiptNumber = ReceiptNumbers.Format(payment.ReceiptYear, payment.ReceiptSeq);
        db.RenovationPayments.Add(payment);
        return payment;
    }
}

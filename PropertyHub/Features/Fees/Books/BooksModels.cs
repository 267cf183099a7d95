namespace PropertyHub.Features.Fees.Books;

/// <summary>An estate the books can be shown for.</summary>
public sealed record BooksEstate(int Id, string Name);

/// <summary>
/// One row of the books for a month: what was billed (receivable), what payments allocated to those requests
/// (collected), what is owed on requests past due at the time the books are read (arrears), and the money received
/// in the month by receipt date (reversals included).
/// </summary>
public sealed record BooksFigures(decimal Receivable, decimal Collected, decimal ReceivedInMonth, decimal Arrears)
{
    public static readonly BooksFigures Zero = new(0, 0, 0, 0);

    /// <summary>Collected ÷ receivable; null when nothing was billed.</summary>
    public double? CollectionRate => Receivable == 0 ? null : (double)(Collected / Receivable);

    public decimal Outstanding => Receivable - Collected;
}

public sealed record BooksBuilding(int BuildingId, string Name, BooksFigures Figures);

public sealed record BooksUnit(int UnitId, int BuildingId, string Unit, BooksFigures Figures);

/// <summary>Outstanding money by how long it is past its due date: not yet due, 1–30, 31–60, 61–90 and over 90 days.</summary>
public sealed record AgingBucket(string Key, decimal Amount, int Requests);

public sealed record CollectionMonth(DateOnly Month, decimal Receivable, decimal Collected)
{
    public double? Rate => Receivable == 0 ? null : (double)(Collected / Receivable);
}

/// <summary>The fee books of an estate for one month, read on <see cref="AsOf"/> (estate date).</summary>
public sealed record FeeBook(
    int EstateId,
    string EstateName,
    DateOnly Month,
    DateOnly AsOf,
    BooksFigures Estate,
    IReadOnlyList<BooksBuilding> Buildings,
    IReadOnlyList<BooksUnit> Units,
    IReadOnlyList<AgingBucket> Aging,
    IReadOnlyList<CollectionMonth> Collection);

public sealed record StatementRequest(int Id, DateOnly Month, DateOnly DueDate, decimal Total, decimal Paid)
{
    public decimal Outstanding => Total - Paid;

    /// <summary>What the request billed, line by line, named in the reader's language (arrears brought forward left out: they are the earlier months).</summary>
    public IReadOnlyList<Requests.RequestLineView> Lines { get; init; } = [];
}

public sealed record StatementAllocation(int PaymentRequestId, DateOnly Month, decimal Amount);

public sealed record StatementPayment(int Id, DateTimeOffset ReceivedAt, string ReceiptNumber, PaymentMethod Method, decimal Amount,
    string? ReversalOf, string? Reason, IReadOnlyList<StatementAllocation> Allocations);

/// <summary>A unit's statement: its requests, its payments with their receipts and allocations, and its credit.</summary>
public sealed record UnitStatement(int UnitId, int EstateId, string Unit, IReadOnlyList<StatementRequest> Requests, IReadOnlyList<StatementPayment> Payments,
    decimal Billed, decimal Paid, decimal Outstanding, decimal Credit);

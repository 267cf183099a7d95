namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>An expenditure line as Finance types it: category code, amount text (FeeRules.ParseAmount) and note.</summary>
public sealed class ExpenditureInput
{
    public string? Category { get; set; }
    public string? Amount { get; set; }
    public string? Note { get; set; }
}

/// <summary>The outcome of a change: errors keyed by field ("" for the whole statement) as BooksText keys, else the new version.</summary>
public sealed record DisclosureResult(IReadOnlyDictionary<string, string> Errors, int? Id = null, int? Version = null)
{
    public bool Ok => Errors.Count == 0;

    public string? Error => Errors.GetValueOrDefault("");

    public static DisclosureResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });

    public static DisclosureResult Fail(string key) => Fail("", key);

    public static DisclosureResult Done(int id, int version) => new(new Dictionary<string, string>(), id, version);
}

/// <summary>A statement in the list; a fund statement names its account ("bank ····5678") and its balance is its closing balance.</summary>
public sealed record DisclosureSummary(int Id, int EstateId, string Estate, string HalfYear, int Revision, Fees.DisclosureStatus Status,
    decimal Income, decimal Expenditure, DateTimeOffset? PublishedAt, Fees.DisclosureKind Kind = Fees.DisclosureKind.Fees,
    string? Account = null, decimal? Closing = null)
{
    public decimal Balance => Closing ?? Income - Expenditure;
}

public sealed record DisclosureLineView(int Id, Fees.DisclosureLineKind Kind, string Category, string Name, decimal Amount, string? Note);

/// <summary>A statement as the pages show it, its categories named in the reader's language. A fund statement also has
/// its opening and closing balances, main works and months (<see cref="Fund"/>) and names its account.</summary>
public sealed record DisclosureView(int Id, int EstateId, string Estate, string HalfYear, int Revision, Fees.DisclosureStatus Status, string? Notes,
    DateTimeOffset CreatedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? PublishedBy, DateTimeOffset? PublishedAt, int Version,
    IReadOnlyList<DisclosureLineView> Income, IReadOnlyList<DisclosureLineView> Expenditure, int LatestRevision,
    Fees.DisclosureKind Kind = Fees.DisclosureKind.Fees, string? Account = null, IReadOnlyList<DisclosureLineView>? Fund = null)
{
    public decimal IncomeTotal => Income.Sum(l => l.Amount);
    public decimal ExpenditureTotal => Expenditure.Sum(l => l.Amount);
    public decimal Balance => Kind == Fees.DisclosureKind.Fund ? Of(Fees.DisclosureLineKind.Balance, DisclosureCategories.FundClosing) : IncomeTotal - ExpenditureTotal;
    public decimal Opening => Of(Fees.DisclosureLineKind.Balance, DisclosureCategories.FundOpening);
    public bool IsLatest => Revision == LatestRevision;
    public IEnumerable<DisclosureLineView> FundLines(Fees.DisclosureLineKind kind) => (Fund ?? []).Where(l => l.Kind == kind);

    private decimal Of(Fees.DisclosureLineKind kind, string category) => FundLines(kind).Where(l => l.Category == category).Sum(l => l.Amount);
}

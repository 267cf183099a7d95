namespace PropertyHub.Features.Fees.PaidServices;

/// <summary>A paid service as it is typed by the staff: the price as text, checked by <see cref="FeeRules.ParseAmount"/>.</summary>
public sealed class PaidServiceInput
{
    public int UnitId { get; set; }
    public int OccupantId { get; set; }
    public string? ServiceType { get; set; }
    public string? Description { get; set; }
    public string? Price { get; set; }
    public DateOnly? ServiceDate { get; set; }
    /// <summary>Who did the work; empty means the signed-in user.</summary>
    public string? StaffName { get; set; }
}

/// <summary>The outcome of a change: empty errors mean it was saved. Keys are PaidServiceText keys; field "" is the whole form.</summary>
public sealed record PaidServiceResult(IReadOnlyDictionary<string, string> Errors, int? Id = null)
{
    public bool Ok => Errors.Count == 0;

    public static PaidServiceResult Saved(int id) => new(new Dictionary<string, string>(), id);

    public static PaidServiceResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });
}

public enum PaidServiceState
{
    AwaitingSignature,
    ToBeBilled,
    Billed,
}

/// <summary>One paid service of a unit with where it stands: awaiting signature, signed and to be billed, or billed on a month's request.</summary>
public sealed record PaidServiceRow(int Id, int Version, int OccupantId, string OccupantName, string ServiceType, string? Description,
    decimal Price, DateOnly ServiceDate, string StaffName, DateTimeOffset? SignedAt, string? WitnessedBy, DateOnly? BilledMonth)
{
    public PaidServiceState State => SignedAt is null ? PaidServiceState.AwaitingSignature
        : BilledMonth is null ? PaidServiceState.ToBeBilled : PaidServiceState.Billed;
}

/// <summary>What the occupant sees on the tablet before and after signing.</summary>
public sealed record PaidServiceSheet(int Id, int Version, int EstateId, int UnitId, string Unit, string OccupantName, string OccupantLanguage,
    string ServiceType, string? Description, decimal Price, DateOnly ServiceDate, string StaffName,
    string? Signature, DateTimeOffset? SignedAt, string? WitnessedBy);

public sealed record PaidServiceOccupant(int Id, string Name);

/// <summary>A unit found by its address ("1-1201") with the occupants a service can be recorded for.</summary>
public sealed record PaidServiceUnit(int Id, int EstateId, string Address, IReadOnlyList<PaidServiceOccupant> Occupants);

namespace PropertyHub.Features.MoveIn;

public sealed record DefectRow(int Id, string Place, string Description, Repairs.RepairCategory Category, int? WorkOrderId);

/// <summary>One unit's move-in as the counter page and the tablet show it.</summary>
public sealed record MoveInSheet(int Id, int Version, int EstateId, int BatchId, int UnitId, string Unit, int OccupantId, string Owner, string OwnerLanguage,
    string? Slot, IReadOnlySet<string> Documents, DateTimeOffset? InspectedAt, string? InspectedBy, IReadOnlyList<DefectRow> Defects,
    string? Keys, string? KeysSignature, DateTimeOffset? KeysSignedAt, string? KeysWitnessedBy, IReadOnlyList<int> PaymentIds,
    IReadOnlyList<string> Receipts, DateOnly? MovedInOn, DateTimeOffset? CompletedAt, string? CompletedBy, string? Record)
{
    public bool Completed => MovedInOn is not null;

    public string EstateName { get; init; } = "";

    /// <summary>The move-in's batch was cancelled: kept as history, closed to the counter.</summary>
    public bool Cancelled { get; init; }
}

/// <summary>A defect as typed on the inspection form.</summary>
public sealed class DefectInput
{
    public string? Place { get; set; }
    public string? Description { get; set; }
    public Repairs.RepairCategory? Category { get; set; }
}

namespace PropertyHub.Features.OccupantFile.Titles;

/// <summary>One owner on a unit's history, newest first; <see cref="To"/> is the last day owned, null for the owner now.</summary>
public sealed record OwnershipRow(int Id, int Sequence, int OccupantId, string OwnerName, DateOnly From, DateOnly? To,
    string? PurchaseContract, string? CertificateNumber, string? PaymentProof);

/// <summary>Who owned a unit on a day, and since when.</summary>
public sealed record OwnerOn(int OccupantId, string Name, DateOnly From);

/// <summary>
/// A transfer (or the first owner put on file): the new owner, an occupant of the unit, from <see cref="From"/>.
/// <see cref="AfterSequence"/> is the last owner's sequence the user saw (0 when the history was empty).
/// </summary>
public sealed class OwnershipTransfer
{
    public int UnitId { get; set; }
    public int AfterSequence { get; set; }
    public int OwnerId { get; set; }
    public DateOnly? From { get; set; }
    public string? PurchaseContract { get; set; }
    public string? CertificateNumber { get; set; }
    public string? PaymentProof { get; set; }
}

/// <summary>The title records of an owner on file, corrected after entry.</summary>
public sealed class TitleRecordsEdit
{
    public int Id { get; set; }
    public string? PurchaseContract { get; set; }
    public string? CertificateNumber { get; set; }
    public string? PaymentProof { get; set; }
}

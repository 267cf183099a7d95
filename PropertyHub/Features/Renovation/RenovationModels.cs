using PropertyHub.Features.Fees;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.Renovation;

/// <summary>An application as typed at the counter.</summary>
public sealed class RenovationInput
{
    public int UnitId { get; set; }
    public int OccupantId { get; set; }
    public string? ContractorName { get; set; }
    public string? ContractorLicence { get; set; }
    public string? ContractorContact { get; set; }
    public string? ContractorPhone { get; set; }
    public string? PlanDescription { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public List<WorkerInput> Workers { get; set; } = [];
}

public sealed class WorkerInput
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
}

/// <summary>A checked upload with what it is for the renovation.</summary>
public sealed record RenovationUpload(RenovationDocumentKind Kind, UploadedFile File);

/// <summary>The review of a plan: approve (every item compliant) or return with the failed items and the reasons.</summary>
public sealed class RenovationReview
{
    public bool Approve { get; set; }
    public List<CovenantCheck> Failed { get; set; } = [];
    public string? Reasons { get; set; }
    /// <summary>On approval: the deposit and the fee due, as typed.</summary>
    public string? Deposit { get; set; }
    public string? Fee { get; set; }
}

/// <summary>The outcome of a change: empty errors mean it was saved. Keys are RenovationText keys; field "" is the whole form.</summary>
public sealed record RenovationResult(IReadOnlyDictionary<string, string> Errors, int? Id = null, string? Number = null)
{
    public bool Ok => Errors.Count == 0;

    public static RenovationResult Saved(int id, string? number = null) => new(new Dictionary<string, string>(), id, number);

    public static RenovationResult Fail(string field, string key) => new(new Dictionary<string, string> { [field] = key });
}

/// <summary>One renovation in the list.</summary>
public sealed record RenovationRow(int Id, string Unit, string Applicant, string Contractor, DateOnly PlannedStart, DateOnly PlannedEnd,
    RenovationStatus Status, string? PermitNumber);

public sealed record RenovationWorkerView(int Id, string Name, string MaskedId);

public sealed record RenovationDocumentView(int Id, RenovationDocumentKind Kind, Guid FileId, string Name, FileKind FileKind, long Length);

public sealed record RenovationPaymentView(int Id, RenovationPaymentKind Kind, decimal Deposit, decimal Fee, PaymentMethod Method, string? Reference,
    DateTimeOffset ReceivedAt, string ReceivedBy, string ReceiptNumber, decimal Charges = 0)
{
    public decimal Amount => Deposit + Fee;
}

/// <summary>A renovation with everything the detail page, the signing tablet, the permit and the receipt show.</summary>
public sealed record RenovationSheet(int Id, int Version, int EstateId, string EstateName, int UnitId, string Unit, int OccupantId,
    string Applicant, string ApplicantLanguage, string ContractorName, string ContractorLicence, string ContractorContact, string ContractorPhone,
    string PlanDescription, DateOnly PlannedStart, DateOnly PlannedEnd, RenovationStatus Status, DateTimeOffset SubmittedAt, string SubmittedBy,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, IReadOnlyList<CovenantCheck> FailedChecks, string? ReturnReasons,
    string? OwnerSignature, DateTimeOffset? OwnerSignedAt, string? OwnerWitnessedBy,
    string? ContractorSigner, string? ContractorSignature, DateTimeOffset? ContractorSignedAt, string? ContractorWitnessedBy,
    decimal Deposit, decimal Fee, string? PermitNumber, DateOnly? PermitFrom, DateOnly? PermitTo, DateTimeOffset? PermitIssuedAt, string? PermitIssuedBy,
    IReadOnlyList<RenovationWorkerView> Workers, IReadOnlyList<RenovationDocumentView> Documents, IReadOnlyList<RenovationPaymentView> Payments)
{
    public RenovationPaymentView? Collection => Payments.FirstOrDefault(p => p.Kind == RenovationPaymentKind.Collection);

    /// <summary>The deposit paid back less the charges, once the renovation is settled.</summary>
    public RenovationPaymentView? Refund => Payments.FirstOrDefault(p => p.Kind == RenovationPaymentKind.Refund);
}

/// <summary>What the signing tablet shows: which paper is signed, by whom.</summary>
public enum RenovationParty
{
    /// <summary>The owner signs the 裝修管理協議.</summary>
    Owner,
    /// <summary>The contractor signs the 安全責任書.</summary>
    Contractor,
}

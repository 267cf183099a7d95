using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Files;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Renovation;

/// <summary>Where a renovation (裝修管理, P1§9) stands.</summary>
public enum RenovationStatus
{
    /// <summary>Applied for; the plan waits for its review against the 住宅使用公約.</summary>
    Submitted,
    /// <summary>The review found the plan not compliant; the reasons were given to the applicant.</summary>
    Returned,
    /// <summary>The plan complies: agreements, deposit and fee come next.</summary>
    Approved,
    /// <summary>The 施工許可證 was issued: the works may start.</summary>
    PermitIssued,
    /// <summary>The works are over: the common parts were inspected; permit and passes come back, then the refund.</summary>
    Completed,
    /// <summary>The deposit was refunded less the charges: nothing is left to do.</summary>
    Settled,
}

/// <summary>
/// An occupant's renovation (裝修管理, P1§9): the application with its contractor and plan, the review against the
/// 住宅使用公約, the 裝修管理協議 signed by the owner and the 安全責任書 by the contractor, the deposit and fee taken with
/// receipts, and the 施工許可證. Its papers stay on this record (drawings, qualification copies, signatures, receipts).
/// </summary>
public sealed class RenovationApplication : IVersioned, IAudited
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public int UnitId { get; set; }
    /// <summary>The applicant: an occupant of the unit (the owner signs the agreement).</summary>
    public int OccupantId { get; set; }
    public required string ContractorName { get; set; }
    /// <summary>The number of the contractor's qualification certificate (資質證書); its copy is a document.</summary>
    public required string ContractorLicence { get; set; }
    public required string ContractorContact { get; set; }
    [PersonalData] public required string ContractorPhone { get; set; }
    public required string PlanDescription { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public RenovationStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }

    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>The checklist items the plan failed, comma-separated <see cref="CovenantCheck"/> names.</summary>
    public string? FailedChecks { get; set; }
    /// <summary>Why the plan was returned, as told to the applicant.</summary>
    public string? ReturnReasons { get; set; }

    /// <summary>The 裝修管理協議 signed by the owner on the tablet (SVG path data).</summary>
    public string? OwnerSignature { get; set; }
    public DateTimeOffset? OwnerSignedAt { get; set; }
    public string? OwnerWitnessedBy { get; set; }
    /// <summary>Who signed the 安全責任書 for the contractor.</summary>
    public string? ContractorSigner { get; set; }
    public string? ContractorSignature { get; set; }
    public DateTimeOffset? ContractorSignedAt { get; set; }
    public string? ContractorWitnessedBy { get; set; }

    /// <summary>The renovation deposit (裝修押金) due, set when the plan is approved.</summary>
    public decimal Deposit { get; set; }
    /// <summary>The renovation management fee due with the deposit (may be nothing).</summary>
    public decimal Fee { get; set; }

    /// <summary>The 施工許可證's number, e.g. "SG2026-000012"; set once, when it is issued.</summary>
    public string? PermitNumber { get; set; }
    public DateOnly? PermitFrom { get; set; }
    public DateOnly? PermitTo { get; set; }
    public DateTimeOffset? PermitIssuedAt { get; set; }
    public string? PermitIssuedBy { get; set; }
    /// <summary>The year and place of the permit in that year's numbering: consecutive, unique together.</summary>
    public int? PermitYear { get; set; }
    public int? PermitSeq { get; set; }
    /// <summary>When the permit came back after the works, or was written off (then with the reason).</summary>
    public DateTimeOffset? PermitReturnedAt { get; set; }
    public string? PermitReturnedBy { get; set; }
    public string? PermitWriteOffReason { get; set; }

    public int Version { get; set; }

    public List<RenovationWorker> Workers { get; set; } = [];
    public List<RenovationDocument> Documents { get; set; } = [];
}

/// <summary>A worker named in the application (施工人員登記表).</summary>
public sealed class RenovationWorker
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public required string Name { get; set; }
    [PersonalData] public required string IdNumber { get; set; }
}

public enum RenovationDocumentKind
{
    /// <summary>A copy of the contractor's qualification certificate (資質證書復印件).</summary>
    Qualification,
    /// <summary>A drawing of the plan.</summary>
    Drawing,
    /// <summary>A worker's photo, on their pass.</summary>
    WorkerPhoto,
    /// <summary>A photo taken on a patrol during the works.</summary>
    PatrolPhoto,
    /// <summary>A photo taken at the completion inspection.</summary>
    InspectionPhoto,
}

/// <summary>A paper of the renovation kept as a stored file.</summary>
public sealed class RenovationDocument
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public RenovationDocumentKind Kind { get; set; }
    public Guid FileId { get; set; }
    public StoredFile? File { get; set; }
    /// <summary>The patrol a <see cref="RenovationDocumentKind.PatrolPhoto"/> was taken on.</summary>
    public int? PatrolId { get; set; }
}

public enum RenovationPaymentKind
{
    /// <summary>The deposit and the fee, taken together before the permit.</summary>
    Collection,
    /// <summary>The deposit paid back less the charges (<see cref="RenovationPayment.Deposit"/> is what went back).</summary>
    Refund,
}

/// <summary>
/// Money taken for a renovation, with its receipt. The number comes from the counter's receipt numbering
/// (<see cref="ReceiptNumbers"/>), so it shares one gapless sequence with the counter's receipts; the money is not a
/// fee payment and never becomes the unit's credit.
/// </summary>
public sealed class RenovationPayment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int EstateId { get; set; }
    public RenovationPaymentKind Kind { get; set; }
    public decimal Deposit { get; set; }
    public decimal Fee { get; set; }
    /// <summary>On a refund: what was kept of the deposit for damage found at the completion inspection.</summary>
    public decimal Charges { get; set; }
    public decimal Amount => Deposit + Fee;
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    public int ReceiptYear { get; set; }
    public int ReceiptSeq { get; set; }
    public required string ReceiptNumber { get; set; }
}

internal sealed class RenovationApplicationConfiguration : IEntityTypeConfiguration<RenovationApplication>
{
    public void Configure(EntityTypeBuilder<RenovationApplication> builder)
    {
        builder.Property(a => a.ContractorName).HasMaxLength(RenovationRules.NameMax);
        builder.Property(a => a.ContractorLicence).HasMaxLength(RenovationRules.LicenceMax);
        builder.Property(a => a.ContractorContact).HasMaxLength(RenovationRules.NameMax);
        builder.Property(a => a.ContractorPhone).HasMaxLength(20);
        builder.Property(a => a.PlanDescription).HasMaxLength(RenovationRules.PlanMax);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.ReviewedBy).HasMaxLength(256);
        builder.Property(a => a.FailedChecks).HasMaxLength(200);
        builder.Property(a => a.ReturnReasons).HasMaxLength(RenovationRules.ReasonsMax);
        builder.Property(a => a.OwnerSignature).HasMaxLength(100_000);
        builder.Property(a => a.OwnerWitnessedBy).HasMaxLength(256);
        builder.Property(a => a.ContractorSigner).HasMaxLength(RenovationRules.NameMax);
        builder.Property(a => a.ContractorSignature).HasMaxLength(100_000);
        builder.Property(a => a.ContractorWitnessedBy).HasMaxLength(256);
        builder.Property(a => a.Deposit).HasPrecision(18, 2);
        builder.Property(a => a.Fee).HasPrecision(18, 2);
        builder.Property(a => a.PermitNumber).HasMaxLength(20);
        builder.Property(a => a.PermitIssuedBy).HasMaxLength(256);
        builder.Property(a => a.PermitReturnedBy).HasMaxLength(256);
        builder.Property(a => a.PermitWriteOffReason).HasMaxLength(RenovationRules.ReasonsMax);
        builder.HasIndex(a => new { a.PermitYear, a.PermitSeq }).IsUnique();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.PermitNumber).IsUnique();
        builder.HasIndex(a => new { a.Status, a.Id });
        builder.HasIndex(a => a.UnitId);
        builder.HasOne<Estate>().WithMany().HasForeignKey(a => a.EstateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Occupant>().WithMany().HasForeignKey(a => a.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Workers).WithOne().HasForeignKey(w => w.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RenovationWorkerConfiguration : IEntityTypeConfiguration<RenovationWorker>
{
    public void Configure(EntityTypeBuilder<RenovationWorker> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(RenovationRules.NameMax);
        builder.Property(w => w.IdNumber).HasMaxLength(18);
    }
}

internal sealed class RenovationDocumentConfiguration : IEntityTypeConfiguration<RenovationDocument>
{
    public void Configure(EntityTypeBuilder<RenovationDocument> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.FileId);
        builder.HasOne<RenovationPatrol>().WithMany().HasForeignKey(d => d.PatrolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RenovationPaymentConfiguration : IEntityTypeConfiguration<RenovationPayment>
{
    public void Configure(EntityTypeBuilder<RenovationPayment> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Deposit).HasPrecision(18, 2);
        builder.Property(p => p.Fee).HasPrecision(18, 2);
        builder.Property(p => p.Charges).HasPrecision(18, 2);
        builder.Ignore(p => p.Amount);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.ReceivedBy).HasMaxLength(256);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(20);
        // One collection per renovation: a second one (a double click, two clerks) fails on the key.
        builder.HasIndex(p => new { p.ApplicationId, p.Kind }).IsUnique();
        // Numbers come from the counter's sequence; unique here as they are among the counter's payments.
        builder.HasIndex(p => new { p.EstateId, p.ReceiptYear, p.ReceiptSeq }).IsUnique();
        builder.HasOne<RenovationApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Estate>().WithMany().HasForeignKey(p => p.EstateId).OnDelete(DeleteBehavior.Restrict);
    }
}

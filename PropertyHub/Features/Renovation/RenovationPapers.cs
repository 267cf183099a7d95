using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// A renovation's papers on the applicant's file (一戶一檔), staged in the same save as the permit: the 裝修管理協議 the
/// owner signed and the 安全責任書 the contractor signed (on the days they signed), the copy of the contractor's
/// qualification with its stored scan, the 施工人員登記表 of the workers named, and each drawing of the approved plan
/// with its stored file — each noting the renovation and its permit. No permit is issued without its papers on file,
/// and none is on file for a permit that was not issued. The completion inspection's record and each of its photos
/// follow in the inspection's save; each receipt (the deposit and fee taken, the refund voucher) in the save of its
/// payment, as a paper whose print page is its receipt's.
/// </summary>
internal static class RenovationPapers
{
    public static async Task StageAsync(AppDbContext db, RenovationApplication application, EstateTime estateTime, DateOnly today, string who, string note,
        CancellationToken ct)
    {
        var occupantId = application.OccupantId;
        DateOnly SignedOn(DateTimeOffset? at) => at is { } signed ? estateTime.LocalDate(application.EstateId, signed) : today;
        var ownerSigned = SignedOn(application.OwnerSignedAt);
        var contractorSigned = SignedOn(application.ContractorSignedAt);
        var qualification = await db.RenovationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == application.Id && d.Kind == RenovationDocumentKind.Qualification)
            .OrderBy(d => d.Id).Select(d => (Guid?)d.FileId).FirstOrDefaultAsync(ct);
        await FiledPapers.StageAsync(db, new(occupantId, StandardDocumentKinds.RenovationAgreement, true, ownerSigned, null, note), who, ct);
        await FiledPapers.StageAsync(db, new(occupantId, StandardDocumentKinds.SafetyResponsibility, true, contractorSigned, null, note), who, ct);
        await FiledPapers.StageAsync(db, new(occupantId, StandardDocumentKinds.ContractorQualification, false, today, qualification, note), who, ct);
        await FiledPapers.StageAsync(db, new(occupantId, StandardDocumentKinds.WorkerRegister, true, today, null, note), who, ct);
        // The plan's drawings as approved, one paper each (copies: the originals stay with the owner).
        var drawings = await db.RenovationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == application.Id && d.Kind == RenovationDocumentKind.Drawing).OrderBy(d => d.Id).Select(d => d.FileId).ToListAsync(ct);
        foreach (var drawing in drawings)
            await FiledPapers.StageAsync(db, new(occupantId, StandardDocumentKinds.RenovationDrawings, false, today, drawing, note), who, ct);
    }

    /// <summary>
    /// The 施工人員登記表 on the applicant's file again, received <paramref name="today"/>, when a worker is added after the
    /// permit (the register on file then names them too); staged on the caller's context, saved with the worker.
    /// </summary>
    public static async Task StageWorkerRegisterAsync(AppDbContext db, int applicationId, DateOnly today, string who,
        Func<string, string, string> note, CancellationToken ct)
    {
        var a = await db.RenovationApplications.AsNoTracking().Where(x => x.Id == applicationId)
            .Select(x => new { x.OccupantId, x.PermitNumber, Unit = db.Units.Where(u => u.Id == x.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First() })
            .SingleAsync(ct);
        await FiledPapers.StageAsync(db, new(a.OccupantId, StandardDocumentKinds.WorkerRegister, true, today, null,
            FiledPapers.Clip(note(a.Unit, a.PermitNumber ?? ""))), who, ct);
    }

    /// <summary>The completion inspection's record and each of its photos (with its stored file) on the applicant's file, staged in the inspection's own save.</summary>
    public static async Task StageInspectionAsync(AppDbContext db, RenovationApplication application, IReadOnlyList<Guid> photos, DateOnly today, string who,
        string note, CancellationToken ct)
    {
        await FiledPapers.StageAsync(db, new(application.OccupantId, StandardDocumentKinds.RenovationInspection, true, today, null, note), who, ct);
        foreach (var photo in photos)
            await FiledPapers.StageAsync(db, new(application.OccupantId, StandardDocumentKinds.RenovationInspectionPhotos, true, today, photo, note), who, ct);
    }

    /// <summary>
    /// A receipt of the renovation's money (the deposit and fee taken, or the refund voucher) on the applicant's file, staged
    /// in the payment's own transaction once the payment has its id: a paper the app prints, opened from the file on the
    /// receipt's print page (a copy: the owner keeps the original), noting the receipt's number (<paramref name="note"/>).
    /// </summary>
    public static async Task StageReceiptAsync(AppDbContext db, int occupantId, RenovationPayment payment, DateOnly today, string who, string note,
        CancellationToken ct) =>
        await FiledPapers.StageAsync(db, new(occupantId, StandardDocumentKinds.RenovationReceipts, false, today, null, note,
            ReceiptLink(payment.ApplicationId, payment.Id)), who, ct);

    /// <summary>The note a receipt on file carries, e.g. "裝修 1-101，收據 2026-000034", in the language of who takes the money.</summary>
    public static async Task<string> ReceiptNoteAsync(AppDbContext db, int unitId, RenovationPayment payment,
        Microsoft.Extensions.Localization.IStringLocalizer<Resources.FiledPapersText> text, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
        return FiledPapers.Clip(text[payment.Kind == RenovationPaymentKind.Refund ? "RefundSource" : "ReceiptSource", unit, payment.ReceiptNumber]);
    }

    /// <summary>The receipt's print page (<see cref="RenovationReceiptPage"/>).</summary>
    public static string ReceiptLink(int applicationId, int paymentId) => $"/renovations/{applicationId}/receipts/{paymentId}";
}

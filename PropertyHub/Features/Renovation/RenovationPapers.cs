using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// A renovation's papers on the applicant's file (一戶一檔), staged in the same save as the permit: the 裝修管理協議 the
/// owner signed and the 安全責任書 the contractor signed (on the days they signed), the copy of the contractor's
/// qualification with its stored scan, and the 施工人員登記表 of the workers named — each noting the renovation and
/// its permit. No permit is issued without its papers on file, and none is on file for a permit that was not issued; the
/// completion inspection's record follows in the inspection's save.
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

    /// <summary>The completion inspection's record on the applicant's file, staged in the inspection's own save.</summary>
    public static async Task StageInspectionAsync(AppDbContext db, RenovationApplication application, DateOnly today, string who, string note,
        CancellationToken ct) =>
        await FiledPapers.StageAsync(db, new(application.OccupantId, StandardDocumentKinds.RenovationInspection, true, today, null, note), who, ct);
}

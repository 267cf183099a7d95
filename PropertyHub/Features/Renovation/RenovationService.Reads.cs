using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Renovation;

public sealed partial class RenovationService
{
    /// <summary>One page of renovations, newest first, optionally of one status.</summary>
    public async Task<Slice<RenovationRow>> PageAsync(RenovationStatus? status, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.RenovationApplications.AsNoTracking();
        if (status is { } only)
            query = query.Where(a => a.Status == only);
        return await query.OrderByDescending(a => a.Id)
            .Select(a => new RenovationRow(a.Id,
                db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
                db.Occupants.Where(o => o.Id == a.OccupantId).Select(o => o.Name).First(),
                a.ContractorName, a.PlannedStart, a.PlannedEnd, a.Status, a.PermitNumber))
            .ToSliceAsync(page, ct);
    }

    /// <summary>A renovation with its workers (ID numbers masked), papers and receipts; null when there is none.</summary>
    public async Task<RenovationSheet?> SheetAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().Include(x => x.Workers).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return null;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == a.UnitId)
            .Select(u => new { Address = u.Building!.Code + "-" + u.Number, Estate = u.Building.Estate!.Name }).SingleAsync(ct);
        var applicant = await db.Occupants.AsNoTracking().Where(o => o.Id == a.OccupantId).Select(o => new { o.Name, o.PreferredLanguage }).SingleAsync(ct);
        var documents = await db.RenovationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id)
            .Select(d => new RenovationDocumentView(d.Id, d.Kind, d.FileId, d.File!.Name, d.File.Kind, d.File.Length)).ToListAsync(ct);
        var payments = (await db.RenovationPayments.AsNoTracking().Where(p => p.ApplicationId == id).ToListAsync(ct))
            .OrderBy(p => p.Id)
            .Select(p => new RenovationPaymentView(p.Id, p.Kind, p.Deposit, p.Fee, p.Method, p.Reference, p.ReceivedAt, p.ReceivedBy, p.ReceiptNumber, p.Charges)).ToList();
        var failed = (a.FailedChecks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Enum.TryParse<CovenantCheck>(c, out var check) ? check : (CovenantCheck?)null).OfType<CovenantCheck>().ToList();
        return new RenovationSheet(a.Id, a.Version, a.EstateId, unit.Estate, a.UnitId, unit.Address, a.OccupantId, applicant.Name, applicant.PreferredLanguage,
            a.ContractorName, a.ContractorLicence, a.ContractorContact, a.ContractorPhone, a.PlanDescription, a.PlannedStart, a.PlannedEnd, a.Status,
            a.SubmittedAt, a.SubmittedBy, a.ReviewedBy, a.ReviewedAt, failed, a.ReturnReasons,
            a.OwnerSignature, a.OwnerSignedAt, a.OwnerWitnessedBy, a.ContractorSigner, a.ContractorSignature, a.ContractorSignedAt, a.ContractorWitnessedBy,
            a.Deposit, a.Fee, a.PermitNumber, a.PermitFrom, a.PermitTo, a.PermitIssuedAt, a.PermitIssuedBy,
            [.. a.Workers.OrderBy(w => w.Id).Select(w => new RenovationWorkerView(w.Id, w.Name, IdNumbers.Mask(w.IdNumber)))],
            documents, payments);
    }

    /// <summary>Sends one of a renovation's papers to a user who may see renovations; not found when it is not that renovation's.</summary>
    public async Task<IResult> SendDocumentAsync(int id, Guid fileId, HttpContext http, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RenovationDocuments.AnyAsync(d => d.ApplicationId == id && d.FileId == fileId, ct))
            return Results.NotFound();
        return await StoredFileResults.SendAsync(db, http, fileId, download: false, ct);
    }

    /// <summary>Today on the estate's calendar: planned dates start today or later.</summary>
    public DateOnly Today(int estateId) => estateTime.Today(estateId);
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Files;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// The end of a renovation (P1§9.5–6): patrols with their photos while the works run, the completion inspection of the
/// common parts, permit and passes back (or written off with a reason), and the deposit refunded less the charges on a
/// receipt of the counter's numbering. The inspection's record and photos and the refund voucher go on the applicant's
/// file in their own saves (<see cref="RenovationPapers"/>). Each change demands its action first; bad input changes nothing; each runs in
/// one retried transaction, so a race lost to another clerk is decided by the rules on what the winner saved.
/// </summary>
public sealed partial class RenovationCompletionService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions,
    EstateTime estateTime, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Resources.PapersText> papers,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.FiledPapersText> filed)
{
    /// <summary>Records a patrol of the works (when, findings, a violation or not) with its photos, all or nothing.</summary>
    public async Task<RenovationResult> RecordPatrolAsync(int id, PatrolInput input, IReadOnlyList<UploadedFile> photos, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.InspectRenovations, ct);
        if (Photos(photos) is { } photoError)
            return RenovationResult.Fail("Photos", photoError);
        var who = (await actor.GetAsync()).Name;
        return await RunAsync(async db =>
        {
            var application = await db.RenovationApplications.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.EstateId, a.Status, a.PlannedStart }).SingleOrDefaultAsync(ct);
            if (application is null)
                return RenovationResult.Fail("", "RenovationNotFound");
            var now = clock.GetUtcNow();
            DateTimeOffset? at = input.At is { } local ? estateTime.ToUtc(application.EstateId, local) : null;
            if (CompletionRules.Patrol(application.Status, at, now, input.Findings) is { } error)
                return RenovationResult.Fail(error == "NoPermit" ? "" : error.StartsWith("Findings", StringComparison.Ordinal) ? "Findings" : "At", error);
            if (CompletionRules.BeforeStart(DateOnly.FromDateTime(input.At!.Value), application.PlannedStart, "PatrolBeforeStart") is { } early)
                return RenovationResult.Fail("At", early);
            var patrol = new RenovationPatrol { ApplicationId = id, PatrolledAt = at!.Value, PatrolledBy = who, Findings = TypedText.Text(input.Findings)!, IsViolation = input.Violation };
            db.RenovationPatrols.Add(patrol);
            await db.SaveChangesAsync(ct);
            AddPhotos(db, id, RenovationDocumentKind.PatrolPhoto, photos, who, now, patrol.Id);
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(patrol.Id);
        }, ct);
    }

    /// <summary>
    /// Records the completion inspection of structure and common facilities: the items not in order, the damage with its
    /// charge (CNY, two decimals) and the photos; damage without photos is refused. The works are then over.
    /// </summary>
    public async Task<RenovationResult> InspectAsync(int id, int version, InspectionInput input, IReadOnlyList<UploadedFile> photos, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.InspectRenovations, ct);
        if (Photos(photos) is { } photoError)
            return RenovationResult.Fail("Photos", photoError);
        var (charge, chargeError) = string.IsNullOrWhiteSpace(input.Charge) ? (null, null) : FeeRules.ParseGroupedAmount(input.Charge);
        var who = (await actor.GetAsync()).Name;
        return await RunAsync(async db =>
        {
            var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (application is null)
                return RenovationResult.Fail("", "RenovationNotFound");
            if (CompletionRules.Inspection(application.Status, input, charge, chargeError, photos.Count) is { } problem)
                return RenovationResult.Fail(problem.Field, problem.Key);
            if (CompletionRules.BeforeStart(estateTime.Today(application.EstateId), application.PlannedStart, "InspectionBeforeStart") is { } early)
                return RenovationResult.Fail("", early);
            var now = clock.GetUtcNow();
            var damage = TypedText.Text(input.Damage);
            db.RenovationInspections.Add(new RenovationInspection
            {
                ApplicationId = id,
                InspectedAt = now,
                InspectedBy = who,
                FailedChecks = input.Failed.Count == 0 ? null : string.Join(',', input.Failed.Distinct().Order()),
                Damage = damage,
                Charge = damage is null ? 0 : charge!.Value,
            });
            var filedPhotos = AddPhotos(db, id, RenovationDocumentKind.InspectionPhoto, photos, who, now, null);
            db.Entry(application).Property(a => a.Version).OriginalValue = version;
            application.Status = RenovationStatus.Completed;
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == application.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
            await RenovationPapers.StageInspectionAsync(db, application, filedPhotos, estateTime.LocalDate(application.EstateId, now), who,
                papers["RenovationSource", unit, application.PermitNumber ?? ""], ct);
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(id);
        }, ct, conflictIsFinal: true);
    }

    /// <summary>Marks the permit returned after the works, or written off with the reason when it does not come back.</summary>
    public async Task<RenovationResult> ReturnPermitAsync(int id, bool writeOff, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        var who = (await actor.GetAsync()).Name;
        return await RunAsync(async db =>
        {
            var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (application is null)
                return RenovationResult.Fail("", "RenovationNotFound");
            if (application.PermitNumber is null)
                return RenovationResult.Fail("", "NoPermit");
            if (CompletionRules.Return(application.Status, application.PermitReturnedAt, writeOff, reason) is { } error)
                return RenovationResult.Fail(error is "WriteOffReasonRequired" or "ReasonsTooLong" ? "Reason" : "", error);
            application.PermitReturnedAt = clock.GetUtcNow();
            application.PermitReturnedBy = who;
            application.PermitWriteOffReason = writeOff ? TypedText.Text(reason) : null;
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(id, application.PermitNumber);
        }, ct);
    }

    /// <summary>Marks a worker's pass returned, or written off with the reason; the gate then refuses it.</summary>
    public async Task<RenovationResult> ReturnPassAsync(int passId, bool writeOff, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        var who = (await actor.GetAsync()).Name;
        return await RunAsync(async db =>
        {
            var pass = await db.WorkerPasses.SingleOrDefaultAsync(p => p.Id == passId, ct);
            if (pass is null)
                return RenovationResult.Fail("", "PassNotFound");
            var status = await db.RenovationApplications.Where(a => a.Id == pass.ApplicationId).Select(a => a.Status).SingleAsync(ct);
            if (CompletionRules.Return(status, pass.ReturnedAt, writeOff, reason) is { } error)
                return RenovationResult.Fail(error is "WriteOffReasonRequired" or "ReasonsTooLong" ? "Reason" : "", error);
            pass.ReturnedAt = clock.GetUtcNow();
            pass.ReturnedBy = who;
            pass.WriteOffReason = writeOff ? TypedText.Text(reason) : null;
            // Two clerks marking the same pass at once: the second writes the same state again, which is harmless.
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(pass.Id, pass.Number);
        }, ct);
    }

    /// <summary>
    /// Pays the deposit back less the inspection's charges, once, on a receipt numbered in the counter's sequence:
    /// refused before the inspection, before the permit and every pass are back or written off, and when larger than
    /// the deposit (or than the deposit less the charges). Charges above the deposit settle it in full (refund 0) and the
    /// rest becomes a paid service on the owner's next payment request (<see cref="RenovationShortfall"/>). A refund of
    /// nothing moves no money, so it needs no method (none given is taken; a reference given is dropped).
    /// </summary>
    public async Task<RenovationResult> RefundAsync(int id, string? amount, PaymentMethod? method, string? reference, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.TakePayments, ct);
        var (value, amountError) = FeeRules.ParseGroupedAmount(amount);
        if (amountError is not null)
            return RenovationResult.Fail("Amount", amountError);
        var nothing = value == 0;
        if (method is null && !nothing)
            return RenovationResult.Fail("Method", "MethodInvalid");
        var (cleanReference, problem) = nothing ? (null, null) : RenovationReceipts.Check(method!.Value, reference);
        if (problem is { } p)
            return RenovationResult.Fail(p.Field, p.Key);
        var who = (await actor.GetAsync()).Name;
        return await RunAsync(async db =>
        {
            var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (application is null)
                return RenovationResult.Fail("", "RenovationNotFound");
            var paid = await db.RenovationPayments.Where(p => p.ApplicationId == id && p.Kind == RenovationPaymentKind.Collection).Select(p => (decimal?)p.Deposit).SingleOrDefaultAsync(ct);
            var charges = await db.RenovationInspections.Where(i => i.ApplicationId == id).Select(i => (decimal?)i.Charge).SingleOrDefaultAsync(ct) ?? 0;
            var passesOut = await db.WorkerPasses.CountAsync(p => p.ApplicationId == id && p.ReturnedAt == null, ct);
            if (CompletionRules.Refund(application.Status, application.PermitReturnedAt is not null, passesOut, paid ?? 0, charges, value!.Value) is { } error)
                return RenovationResult.Fail(error is "RefundAboveDeposit" or "RefundAboveBalance" or "AmountInvalid" ? "Amount" : "", error);
            var now = clock.GetUtcNow();
            var refund = await RenovationReceipts.AddAsync(db, new RenovationPayment
            {
                ApplicationId = id,
                EstateId = application.EstateId,
                Kind = RenovationPaymentKind.Refund,
                Deposit = value.Value,
                Charges = charges,
                Method = nothing ? PaymentMethod.Cash : method!.Value,
                Reference = cleanReference,
                ReceivedAt = now,
                ReceivedBy = who,
                ReceiptNumber = "",
            }, estateTime.LocalDate(application.EstateId, now), ct);
            application.Status = RenovationStatus.Settled;
            RenovationShortfall.Bill(db, application, paid ?? 0, charges, estateTime.LocalDate(application.EstateId, now), now, who);
            await db.SaveChangesAsync(ct);
            // The refund voucher on the applicant's file, by the payment's id now known, in the same transaction.
            await RenovationPapers.StageReceiptAsync(db, application.OccupantId, refund, estateTime.LocalDate(application.EstateId, now), who,
                await RenovationPapers.ReceiptNoteAsync(db, application.UnitId, refund, filed, ct), ct);
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(refund.Id, refund.ReceiptNumber);
        }, ct);
    }

    private static string? Photos(IReadOnlyList<UploadedFile> photos) =>
        photos.Count > CompletionRules.MaxPhotos ? "TooManyPhotos" : photos.Any(p => !FileKinds.Pictures.Contains(p.Kind)) ? "PhotoRequired" : null;

    /// <summary>Adds the photos to the renovation's papers; the stored files' ids, in order.</summary>
    private static List<Guid> AddPhotos(AppDbContext db, int id, RenovationDocumentKind kind, IReadOnlyList<UploadedFile> photos, string who, DateTimeOffset now, int? patrolId)
    {
        var ids = new List<Guid>();
        foreach (var photo in photos)
        {
            var file = photo.ToStoredFile(who, now);
            db.RenovationDocuments.Add(new RenovationDocument { ApplicationId = id, Kind = kind, File = file, FileId = file.Id, PatrolId = patrolId });
            ids.Add(file.Id);
        }
        return ids;
    }

    /// <summary>
    /// One transaction per attempt; a unique key or a version lost to another clerk rolls back and runs again, where the
    /// rules see what was saved. With <paramref name="conflictIsFinal"/> a moved version is told to the user instead.
    /// </summary>
    private async Task<RenovationResult> RunAsync(Func<AppDbContext, Task<RenovationResult>> work, CancellationToken ct, bool conflictIsFinal = false)
    {
        try
        {
            return await RetriedTransaction.RunAsync(dbFactory, work, r => r.Ok,
                e => DbErrors.IsUniqueViolation(e) || (!conflictIsFinal && e is DbUpdateConcurrencyException), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RenovationResult.Fail("", "ConcurrencyConflict");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// Renovations (裝修管理, P1§9): the application with its papers, the review against the 住宅使用公約, the two
/// agreements signed on the tablet, the deposit and fee taken with a receipt of the counter's numbering, and the
/// 施工許可證. Each change demands its action first; bad input changes nothing.
/// </summary>
public sealed partial class RenovationService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions,
    EstateTime estateTime, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Resources.PapersText> papers,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.FiledPapersText> filed)
{
    /// <summary>Records an application with its workers, the contractor's qualification copy and the plan's drawings, in one save.</summary>
    public async Task<RenovationResult> SubmitAsync(RenovationInput input, IReadOnlyList<RenovationUpload> uploads, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Id, u.Building!.EstateId }).SingleOrDefaultAsync(ct);
        if (unit is null)
            return RenovationResult.Fail("", "UnitNotFound");
        var errors = RenovationRules.Application(input, estateTime.Today(unit.EstateId));
        if (!uploads.Any(u => u.Kind == RenovationDocumentKind.Qualification))
            errors["Qualification"] = "QualificationRequired";
        if (!uploads.Any(u => u.Kind == RenovationDocumentKind.Drawing))
            errors["Drawing"] = "DrawingRequired";
        if (errors.Count == 0 && !await db.Occupants.AnyAsync(o => o.Id == input.OccupantId && o.UnitId == unit.Id, ct))
            errors[nameof(input.OccupantId)] = "ApplicantRequired";
        if (errors.Count > 0)
            return new RenovationResult(errors);
        var who = (await actor.GetAsync()).Name;
        var now = clock.GetUtcNow();
        var application = new RenovationApplication
        {
            EstateId = unit.EstateId,
            UnitId = unit.Id,
            OccupantId = input.OccupantId,
            ContractorName = TypedText.Text(input.ContractorName)!,
            ContractorLicence = TypedText.Digits(input.ContractorLicence)!,
            ContractorContact = TypedText.Text(input.ContractorContact)!,
            ContractorPhone = TypedText.Digits(input.ContractorPhone)!,
            PlanDescription = TypedText.Text(input.PlanDescription)!,
            PlannedStart = input.PlannedStart!.Value,
            PlannedEnd = input.PlannedEnd!.Value,
            Status = RenovationStatus.Submitted,
            SubmittedAt = now,
            SubmittedBy = who,
            Workers = [.. input.Workers.Select(w => new RenovationWorker { Name = TypedText.Text(w.Name)!, IdNumber = RenovationRules.Id(w.IdNumber)! })],
            Documents = [.. uploads.Select(u => new RenovationDocument { Kind = u.Kind, File = u.File.ToStoredFile(who, now) })],
        };
        db.RenovationApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return RenovationResult.Saved(application.Id);
    }

    /// <summary>Approves the plan (every checklist item compliant, with the deposit and fee due) or returns it with the reasons.</summary>
    public async Task<RenovationResult> ReviewAsync(int id, int version, RenovationReview review, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.ReviewRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return RenovationResult.Fail("", "RenovationNotFound");
        if (RenovationRules.Review(application.Status, review) is { } error)
            return RenovationResult.Fail(error is "ReasonsRequired" or "ReasonsTooLong" ? "Reasons" : "", error);
        decimal deposit = 0, fee = 0;
        if (review.Approve)
        {
            var (depositValue, depositError) = FeeRules.ParseGroupedAmount(review.Deposit);
            var (feeValue, feeError) = string.IsNullOrWhiteSpace(review.Fee) ? (0m, null) : FeeRules.ParseGroupedAmount(review.Fee);
            var errors = new Dictionary<string, string>();
            if ((depositError ?? (depositValue == 0 ? "AmountMustBePositive" : null)) is { } d)
                errors["Deposit"] = d;
            if (feeError is not null)
                errors["Fee"] = feeError;
            if (errors.Count > 0)
                return new RenovationResult(errors);
            (deposit, fee) = (depositValue!.Value, feeValue ?? 0);
        }
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.Status = review.Approve ? RenovationStatus.Approved : RenovationStatus.Returned;
        application.ReviewedBy = (await actor.GetAsync()).Name;
        application.ReviewedAt = clock.GetUtcNow();
        application.FailedChecks = review.Approve ? null : string.Join(',', review.Failed.Distinct().Order());
        application.ReturnReasons = review.Approve ? null : TypedText.Text(review.Reasons);
        application.Deposit = deposit;
        application.Fee = fee;
        return await SaveAsync(db, application.Id, ct);
    }

    /// <summary>
    /// Stores a signature taken on the tablet: the owner's on the 裝修管理協議, or the contractor's (with the signer's
    /// name) on the 安全責任書. Witnessed by the signed-in staff member.
    /// </summary>
    public async Task<RenovationResult> SignAsync(int id, int version, RenovationParty party, string? signer, string? signature, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        if (!Enum.IsDefined(party))
            return RenovationResult.Fail("", "RenovationNotFound");
        if (PaidServiceRules.Signature(signature) is { } signatureError)
            return RenovationResult.Fail("Signature", signatureError);
        var name = TypedText.Text(signer);
        if (party == RenovationParty.Contractor && (name is null || name.Length > RenovationRules.NameMax))
            return RenovationResult.Fail("Signer", name is null ? "SignerRequired" : "SignerTooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return RenovationResult.Fail("", "RenovationNotFound");
        var signedAt = party == RenovationParty.Owner ? application.OwnerSignedAt : application.ContractorSignedAt;
        if (RenovationRules.Sign(application.Status, signedAt) is { } error)
            return RenovationResult.Fail("", error);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        var witness = (await actor.GetAsync()).Name;
        if (party == RenovationParty.Owner)
        {
            application.OwnerSignature = signature!.Trim();
            application.OwnerSignedAt = now;
            application.OwnerWitnessedBy = witness;
        }
        else
        {
            application.ContractorSigner = name;
            application.ContractorSignature = signature!.Trim();
            application.ContractorSignedAt = now;
            application.ContractorWitnessedBy = witness;
        }
        return await SaveAsync(db, application.Id, ct);
    }

    /// <summary>
    /// Takes the deposit and the fee due, once, with a receipt numbered in the counter's sequence (in the same
    /// transaction: a failed save gives its number back). The receipt goes on the applicant's file in that transaction too.
    /// </summary>
    public async Task<RenovationResult> CollectAsync(int id, PaymentMethod method, string? reference, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.TakePayments, ct);
        var (cleanReference, problem) = RenovationReceipts.Check(method, reference);
        if (problem is { } p)
            return RenovationResult.Fail(p.Field, p.Key);
        var who = (await actor.GetAsync()).Name;
        return await RenovationTransactions.RunAsync(dbFactory, async db =>
        {
            var application = await db.RenovationApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (application is null)
                return RenovationResult.Fail("", "RenovationNotFound");
            var collected = await db.RenovationPayments.AnyAsync(p => p.ApplicationId == id && p.Kind == RenovationPaymentKind.Collection, ct);
            if (RenovationRules.Collect(application.Status, collected) is { } error)
                return RenovationResult.Fail("", error);
            var now = clock.GetUtcNow();
            var payment = await RenovationReceipts.AddAsync(db, new RenovationPayment
            {
                ApplicationId = id,
                EstateId = application.EstateId,
                Kind = RenovationPaymentKind.Collection,
                Deposit = application.Deposit,
                Fee = application.Fee,
                Method = method,
                Reference = cleanReference,
                ReceivedAt = now,
                ReceivedBy = who,
                ReceiptNumber = "",
            }, estateTime.LocalDate(application.EstateId, now), ct);
            await db.SaveChangesAsync(ct);
            // The paper links to the receipt by the payment's id: filed once that is known, in the same transaction.
            await RenovationPapers.StageReceiptAsync(db, application.OccupantId, payment, estateTime.LocalDate(application.EstateId, now), who,
                await RenovationPapers.ReceiptNoteAsync(db, application.UnitId, payment, filed, ct), ct);
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(payment.Id, payment.ReceiptNumber);
        }, ct);
    }

    /// <summary>
    /// Issues the 施工許可證: only once the plan is approved, both agreements are signed and the deposit is paid. Its
    /// number is the next of the year's permits (consecutive; two issued at once take turns on the unique key). The signed
    /// agreements, the contractor's qualification copy and the worker register go on the applicant's file in the same
    /// transaction (<see cref="RenovationPapers"/>).
    /// </summary>
    public async Task<RenovationResult> IssuePermitAsync(int id, int version, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        var who = (await actor.GetAsync()).Name;
        try
        {
            return await RenovationTransactions.RunAsync(dbFactory, async db =>
            {
                var application = await db.RenovationApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
                if (application is null)
                    return RenovationResult.Fail("", "RenovationNotFound");
                var paid = await db.RenovationPayments.AnyAsync(p => p.ApplicationId == id && p.Kind == RenovationPaymentKind.Collection, ct);
                if (RenovationRules.Permit(application, paid) is { } error)
                    return RenovationResult.Fail("", error);
                var now = clock.GetUtcNow();
                var today = estateTime.LocalDate(application.EstateId, now);
                var seq = Math.Max(await db.RenovationApplications.Where(a => a.PermitYear == today.Year).MaxAsync(a => a.PermitSeq, ct) ?? 0,
                    RenovationRules.LastOldPermit(await db.RenovationApplications.Where(a => a.PermitYear == null && a.PermitNumber != null)
                        .Select(a => a.PermitNumber!).ToListAsync(ct), today.Year)) + 1;
                db.Entry(application).Property(a => a.Version).OriginalValue = version;
                (application.PermitFrom, application.PermitTo) = RenovationRules.PermitValidity(application, today);
                (application.PermitYear, application.PermitSeq) = (today.Year, seq);
                application.PermitNumber = RenovationRules.PermitNumber(today.Year, seq);
                application.PermitIssuedAt = now;
                application.PermitIssuedBy = who;
                application.Status = RenovationStatus.PermitIssued;
                var unit = await db.Units.AsNoTracking().Where(u => u.Id == application.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
                await RenovationPapers.StageAsync(db, application, estateTime, today, who, papers["RenovationSource", unit, application.PermitNumber], ct);
                await db.SaveChangesAsync(ct);
                return RenovationResult.Saved(application.Id, application.PermitNumber);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RenovationResult.Fail("", "ConcurrencyConflict");
        }
    }

    private static async Task<RenovationResult> SaveAsync(AppDbContext db, int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return RenovationResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RenovationResult.Fail("", "ConcurrencyConflict");
        }
    }
}

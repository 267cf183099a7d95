using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// 施工人員出入證 (P1§9.4): a pass per worker while the permit runs, with the worker's photo; revoked with a reason;
/// checked at the gate in the estate's time, every check logged.
/// </summary>
public sealed class WorkerPassService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions,
    EstateTime estateTime, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Resources.PapersText> papers)
{
    /// <summary>Issues the pass of a worker named in the application, with their photo.</summary>
    public async Task<RenovationResult> IssueAsync(int applicationId, int workerId, UploadedFile? photo, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        if (photo is null || !FileKinds.Pictures.Contains(photo.Kind))
            return RenovationResult.Fail("Photo", "PhotoRequired");
        var who = (await actor.GetAsync()).Name;
        return await RenovationTransactions.RunAsync(dbFactory, async db =>
        {
            if (!await db.RenovationWorkers.AnyAsync(w => w.Id == workerId && w.ApplicationId == applicationId, ct))
                return RenovationResult.Fail("", "WorkerNotFound");
            if (await db.WorkerPasses.AnyAsync(p => p.WorkerId == workerId, ct))
                return RenovationResult.Fail("", "PassAlreadyIssued");
            return await AddPassAsync(db, applicationId, null, workerId, photo, who, ct);
        }, ct);
    }

    /// <summary>Adds a worker to a renovation with a permit and issues their pass in the same save; refused once the permit has expired.</summary>
    public async Task<RenovationResult> AddWorkerAsync(int applicationId, WorkerInput worker, UploadedFile? photo, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        if (RenovationRules.Workers([worker]) is { } error)
            return RenovationResult.Fail("Worker", error);
        if (photo is null || !FileKinds.Pictures.Contains(photo.Kind))
            return RenovationResult.Fail("Photo", "PhotoRequired");
        var id = RenovationRules.Id(worker.IdNumber)!;
        var who = (await actor.GetAsync()).Name;
        return await RenovationTransactions.RunAsync(dbFactory, async db =>
        {
            if (await db.RenovationWorkers.AnyAsync(w => w.ApplicationId == applicationId && w.IdNumber == id, ct))
                return RenovationResult.Fail("Worker", "WorkerTwice");
            var added = new RenovationWorker { ApplicationId = applicationId, Name = TypedText.Text(worker.Name)!, IdNumber = id };
            return await AddPassAsync(db, applicationId, added, 0, photo, who, ct);
        }, ct);
    }

    /// <summary>Revokes a pass with the reason; the gate then refuses it.</summary>
    public async Task<RenovationResult> RevokeAsync(int passId, string? reason, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        var why = TypedText.Text(reason);
        if (why is null || why.Length > RenovationRules.ReasonsMax)
            return RenovationResult.Fail("Reason", why is null ? "RevokeReasonRequired" : "ReasonsTooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pass = await db.WorkerPasses.SingleOrDefaultAsync(p => p.Id == passId, ct);
        if (pass is null)
            return RenovationResult.Fail("", "PassNotFound");
        if (pass.RevokedAt is not null)
            return RenovationResult.Fail("", "PassAlreadyRevoked");
        pass.RevokedAt = clock.GetUtcNow();
        pass.RevokedBy = (await actor.GetAsync()).Name;
        pass.RevokeReason = why;
        // Revoking twice at once: the second writes the same state again, which is harmless.
        await db.SaveChangesAsync(ct);
        return RenovationResult.Saved(pass.Id, pass.Number);
    }

    /// <summary>
    /// The gate's check of a typed or scanned pass number: valid, not yet valid, expired, revoked, returned or written off on today's
    /// date in the estate's time, with the worker and the unit. Every check is logged, a second one of the same pass too.
    /// </summary>
    public async Task<GateResult> CheckAsync(string? number, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.CheckPasses, ct);
        var typed = (TypedText.Digits(number) ?? "").ToUpperInvariant();
        if (typed.Length > 24)
            typed = typed[..24];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = typed.Length == 0 ? null : await db.WorkerPasses.AsNoTracking().Where(p => p.Number == typed)
            .Select(p => new
            {
                Pass = p,
                Worker = db.RenovationWorkers.Where(w => w.Id == p.WorkerId).Select(w => w.Name).First(),
                Application = db.RenovationApplications.Where(a => a.Id == p.ApplicationId)
                    .Select(a => new { a.EstateId, Unit = db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First() }).First(),
            }).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var who = (await actor.GetAsync()).Name;
        if (found is null)
        {
            db.GateChecks.Add(new GateCheck { Number = typed, Outcome = GateOutcome.NotFound, CheckedAt = now, CheckedBy = who });
            await db.SaveChangesAsync(ct);
            return new GateResult(GateOutcome.NotFound, typed, null, null, null, null, null, 0);
        }
        var today = estateTime.LocalDate(found.Application.EstateId, now);
        var outcome = RenovationRules.Gate(found.Pass, today);
        var startOfDay = estateTime.StartOfDay(found.Application.EstateId, today);
        // Counted here, not in SQL: SQLite cannot compare DateTimeOffset values; a pass has a few checks a day.
        var earlier = (await db.GateChecks.AsNoTracking().Where(c => c.PassId == found.Pass.Id).Select(c => c.CheckedAt).ToListAsync(ct))
            .Count(at => at >= startOfDay);
        db.GateChecks.Add(new GateCheck { Number = typed, PassId = found.Pass.Id, Outcome = outcome, CheckedAt = now, CheckedBy = who });
        await db.SaveChangesAsync(ct);
        var reason = outcome switch { GateOutcome.WrittenOff => found.Pass.WriteOffReason, GateOutcome.Revoked => found.Pass.RevokeReason, _ => null };
        return new GateResult(outcome, typed, found.Pass.Id, found.Worker, found.Application.Unit, found.Pass.ValidFrom, found.Pass.ValidTo, earlier, reason);
    }

    /// <summary>The photo on a pass, for the guard at the gate.</summary>
    public async Task<IResult> SendPhotoAsync(int passId, HttpContext http, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.CheckPasses, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fileId = await db.WorkerPasses.AsNoTracking().Where(p => p.Id == passId).Select(p => (Guid?)p.PhotoFileId).SingleOrDefaultAsync(ct);
        return fileId is null ? Results.NotFound() : await StoredFileResults.SendAsync(db, http, fileId.Value, download: false, ct);
    }

    /// <summary>A renovation's workers with their passes, in the order they were named.</summary>
    public async Task<IReadOnlyList<WorkerPassView>> ForRenovationAsync(int applicationId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RenovationWorkers.AsNoTracking().Where(w => w.ApplicationId == applicationId).OrderBy(w => w.Id)
            .Select(w => new { w.Id, w.Name, w.IdNumber, Pass = db.WorkerPasses.FirstOrDefault(p => p.WorkerId == w.Id) }).ToListAsync(ct);
        return [.. rows.Select(r => new WorkerPassView(r.Id, r.Name, IdNumbers.Mask(r.IdNumber), r.Pass?.Id, r.Pass?.Number, r.Pass?.ValidFrom, r.Pass?.ValidTo,
            r.Pass?.PhotoFileId, r.Pass?.RevokedAt, r.Pass?.RevokedBy, r.Pass?.RevokeReason, r.Pass?.ReturnedAt, r.Pass?.WriteOffReason))];
    }

    /// <summary>Adds the pass (and the new worker, when given) with the photo as a paper of the renovation; the caller's retry saves.</summary>
    private async Task<RenovationResult> AddPassAsync(AppDbContext db, int applicationId, RenovationWorker? newWorker, int workerId, UploadedFile photo, string who, CancellationToken ct)
    {
        var application = await db.RenovationApplications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.Id, a.EstateId, a.Status, a.PermitNumber, a.PermitFrom, a.PermitTo }).SingleOrDefaultAsync(ct);
        if (application is null)
            return RenovationResult.Fail("", "RenovationNotFound");
        var now = clock.GetUtcNow();
        var today = estateTime.LocalDate(application.EstateId, now);
        if (RenovationRules.Pass(application.Status, application.PermitTo, today) is { } error)
            return RenovationResult.Fail("", error);
        var ordinal = (await db.WorkerPasses.Where(p => p.ApplicationId == applicationId).MaxAsync(p => (int?)p.Ordinal, ct) ?? 0) + 1;
        var file = photo.ToStoredFile(who, now);
        db.RenovationDocuments.Add(new RenovationDocument { ApplicationId = applicationId, Kind = RenovationDocumentKind.WorkerPhoto, File = file });
        if (newWorker is not null)
        {
            db.RenovationWorkers.Add(newWorker);
            await db.SaveChangesAsync(ct);
            workerId = newWorker.Id;
            // A worker registered after the permit: the 施工人員登記表 on the applicant's file is brought up to this day,
            // in the same transaction as the worker and the pass.
            await RenovationPapers.StageWorkerRegisterAsync(db, applicationId, today, who,
                (unit, permit) => papers["RenovationSource", unit, permit], ct);
        }
        var pass = new WorkerPass
        {
            ApplicationId = applicationId,
            WorkerId = workerId,
            Ordinal = ordinal,
            Number = RenovationRules.PassNumber(application.PermitNumber!, ordinal),
            ValidFrom = application.PermitFrom!.Value > today ? application.PermitFrom.Value : today,
            ValidTo = application.PermitTo!.Value,
            PhotoFileId = file.Id,
            IssuedAt = now,
            IssuedBy = who,
        };
        db.WorkerPasses.Add(pass);
        await db.SaveChangesAsync(ct);
        return RenovationResult.Saved(pass.Id, pass.Number);
    }
}

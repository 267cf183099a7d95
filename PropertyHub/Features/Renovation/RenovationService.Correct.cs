using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Renovation;

public sealed partial class RenovationService
{
    /// <summary>A returned application as it was typed (ID numbers in full, for the clerk correcting it); null when there is none.</summary>
    public async Task<RenovationInput?> InputAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.RenovationApplications.AsNoTracking().Include(x => x.Workers).SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : new RenovationInput
        {
            UnitId = a.UnitId, OccupantId = a.OccupantId, ContractorName = a.ContractorName, ContractorLicence = a.ContractorLicence,
            ContractorContact = a.ContractorContact, ContractorPhone = a.ContractorPhone, PlanDescription = a.PlanDescription,
            PlannedStart = a.PlannedStart, PlannedEnd = a.PlannedEnd,
            Workers = [.. a.Workers.OrderBy(w => w.Id).Select(w => new WorkerInput { Name = w.Name, IdNumber = w.IdNumber })],
        };
    }

    /// <summary>
    /// Corrects a returned application and submits it again for review: the same checks as a new one (the papers
    /// already kept count, new ones are added), the workers replaced, the earlier review's outcome cleared. One save.
    /// </summary>
    public async Task<RenovationResult> ResubmitAsync(int id, int version, RenovationInput input, IReadOnlyList<RenovationUpload> uploads, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.RenovationApplications.Include(a => a.Workers).Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return RenovationResult.Fail("", "RenovationNotFound");
        if (RenovationRules.Resubmit(application.Status) is { } statusError)
            return RenovationResult.Fail("", statusError);
        input.UnitId = application.UnitId;
        var errors = RenovationRules.Application(input, estateTime.Today(application.EstateId));
        bool Has(RenovationDocumentKind kind) => uploads.Any(u => u.Kind == kind) || application.Documents.Any(d => d.Kind == kind);
        if (!Has(RenovationDocumentKind.Qualification))
            errors["Qualification"] = "QualificationRequired";
        if (!Has(RenovationDocumentKind.Drawing))
            errors["Drawing"] = "DrawingRequired";
        if (errors.Count == 0 && !await db.Occupants.AnyAsync(o => o.Id == input.OccupantId && o.UnitId == application.UnitId, ct))
            errors[nameof(input.OccupantId)] = "ApplicantRequired";
        if (errors.Count > 0)
            return new RenovationResult(errors);
        var who = (await actor.GetAsync()).Name;
        var now = clock.GetUtcNow();
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.OccupantId = input.OccupantId;
        application.ContractorName = TypedText.Text(input.ContractorName)!;
        application.ContractorLicence = TypedText.Digits(input.ContractorLicence)!;
        application.ContractorContact = TypedText.Text(input.ContractorContact)!;
        application.ContractorPhone = TypedText.Digits(input.ContractorPhone)!;
        application.PlanDescription = TypedText.Text(input.PlanDescription)!;
        application.PlannedStart = input.PlannedStart!.Value;
        application.PlannedEnd = input.PlannedEnd!.Value;
        application.Status = RenovationStatus.Submitted;
        application.SubmittedAt = now;
        application.SubmittedBy = who;
        (application.ReviewedAt, application.ReviewedBy, application.FailedChecks, application.ReturnReasons) = (null, null, null, null);
        var earlier = application.Workers.ToList();
        application.Workers.Clear();
        db.RenovationWorkers.RemoveRange(earlier);
        application.Workers.AddRange(input.Workers.Select(w => new RenovationWorker { Name = TypedText.Text(w.Name)!, IdNumber = RenovationRules.Id(w.IdNumber)! }));
        application.Documents.AddRange(uploads.Select(u => new RenovationDocument { Kind = u.Kind, File = u.File.ToStoredFile(who, now) }));
        return await SaveAsync(db, application.Id, ct);
    }
}

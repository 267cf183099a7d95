using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Renovation;

public sealed record PatrolPhotoView(Guid FileId, string Name);

public sealed record PatrolView(int Id, DateTimeOffset PatrolledAt, string PatrolledBy, string Findings, bool IsViolation, IReadOnlyList<PatrolPhotoView> Photos);

public sealed record InspectionView(DateTimeOffset InspectedAt, string InspectedBy, IReadOnlyList<CompletionCheck> Failed, string? Damage, decimal Charge,
    IReadOnlyList<PatrolPhotoView> Photos);

/// <summary>The end of a renovation as its page shows it: one page of patrols (newest first), the inspection, the permit's return.</summary>
public sealed record CompletionView(IReadOnlyList<PatrolView> Patrols, int PatrolCount, int Violations, InspectionView? Inspection,
    DateTimeOffset? PermitReturnedAt, string? PermitReturnedBy, string? PermitWriteOffReason);

public sealed partial class RenovationCompletionService
{
    public const int PatrolPage = 20;

    /// <summary>A renovation's patrols (one page, newest first), its inspection and the permit's return; null when there is no such renovation.</summary>
    public async Task<CompletionView?> ViewAsync(int id, int patrolPage = 0, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeRenovations, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var permit = await db.RenovationApplications.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.PermitReturnedAt, a.PermitReturnedBy, a.PermitWriteOffReason }).SingleOrDefaultAsync(ct);
        if (permit is null)
            return null;
        var patrols = db.RenovationPatrols.AsNoTracking().Where(p => p.ApplicationId == id);
        var count = await patrols.CountAsync(ct);
        var violations = await patrols.CountAsync(p => p.IsViolation, ct);
        var page = await patrols.OrderByDescending(p => p.Id).Skip(Math.Max(0, patrolPage) * PatrolPage).Take(PatrolPage).ToListAsync(ct);
        var ids = page.Select(p => (int?)p.Id).ToList();
        var photos = await db.RenovationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == id && (d.Kind == RenovationDocumentKind.InspectionPhoto || (d.Kind == RenovationDocumentKind.PatrolPhoto && ids.Contains(d.PatrolId))))
            .OrderBy(d => d.Id).Select(d => new { d.Kind, d.PatrolId, View = new PatrolPhotoView(d.FileId, d.File!.Name) }).ToListAsync(ct);
        var inspection = await db.RenovationInspections.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == id, ct);
        return new CompletionView(
            [.. page.Select(p => new PatrolView(p.Id, p.PatrolledAt, p.PatrolledBy, p.Findings, p.IsViolation,
                [.. photos.Where(f => f.PatrolId == p.Id).Select(f => f.View)]))],
            count, violations,
            inspection is null ? null : new InspectionView(inspection.InspectedAt, inspection.InspectedBy, Checks(inspection.FailedChecks), inspection.Damage,
                inspection.Charge, [.. photos.Where(f => f.Kind == RenovationDocumentKind.InspectionPhoto).Select(f => f.View)]),
            permit.PermitReturnedAt, permit.PermitReturnedBy, permit.PermitWriteOffReason);
    }

    private static List<CompletionCheck> Checks(string? names) =>
        [.. (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Enum.TryParse<CompletionCheck>(c, out var check) ? check : (CompletionCheck?)null).OfType<CompletionCheck>()];
}

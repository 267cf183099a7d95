using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;
using PropertyHub.Features.OccupantFile.Documents;

namespace PropertyHub.Features.MoveIn;

/// <summary>A paper form of the move-in the owner signs, whose scan the counter puts on the owner's file.</summary>
public enum MoveInForm
{
    /// <summary>The house inspection form (房屋驗收表).</summary>
    HouseInspection,
    /// <summary>The key receipt (鑰匙簽收表).</summary>
    KeyReceipt,
    /// <summary>The move-in procedure form (入伙手續書).</summary>
    MoveInProcedure,
}

/// <summary>A scan of a move-in form on the owner's file: the paper it is on, the file's name and the day on the paper.</summary>
public sealed record MoveInScanRow(MoveInForm Form, int DocumentId, string Name, DateOnly ReceivedOn);

/// <summary>
/// What attaching a scan did: the paper it is on (<see cref="BesideAnother"/> when the form already had a scan on file and
/// this one became a paper of its own beside it), or the FiledPapersText key of why nothing was saved.
/// </summary>
public sealed record MoveInScanResult(string? Problem, int DocumentId = 0, bool BesideAnother = false)
{
    public bool Ok => Problem is null;
}

public sealed partial class MoveInService
{
    public static readonly IReadOnlyList<MoveInForm> ScannedForms = [MoveInForm.HouseInspection, MoveInForm.KeyReceipt, MoveInForm.MoveInProcedure];

    /// <summary>The kind on the occupant's checklist a form is filed as.</summary>
    public static int KindOf(MoveInForm form) => form switch
    {
        MoveInForm.HouseInspection => StandardDocumentKinds.HomeAcceptance,
        MoveInForm.KeyReceipt => StandardDocumentKinds.KeyReceipt,
        _ => StandardDocumentKinds.MoveInProcedure,
    };

    /// <summary>
    /// Puts the scan of a signed paper form on the owner's file, as the move-in's paper of the form's kind (its
    /// <see cref="PaperForFile.FileId"/>): the paper this move-in filed without a scan takes it; when the form already has a
    /// scan on file, this one is a paper of its own beside it (said so, never a silent replacement); the same scan again is
    /// refused. The scan (already checked by <see cref="FileIntake"/>) and the paper are saved together or not at all. Also
    /// after "move-in completed" (the papers are often scanned later); never on a cancelled batch's move-in.
    /// </summary>
    public async Task<MoveInScanResult> AttachScanAsync(int id, MoveInForm form, UploadedFile? scan, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        if (!Enum.IsDefined(form))
            return new("FormUnknown");
        if (scan is null)
            return new("ScanRequired");
        if (!FileKinds.Documents.Contains(scan.Kind))
            return new("WrongKind");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (moveIn is null)
            return new("MoveInNotFound");
        if (moveIn.Cancelled)
            return new("BatchCancelled");
        var kindId = KindOf(form);
        var sameKind = db.OccupantDocuments.Where(d => d.OccupantId == moveIn.OccupantId && d.KindId == kindId);
        if (await sameKind.AnyAsync(d => d.File != null && d.File.Sha256 == scan.Sha256, ct))
            return new("ScanAlreadyOnFile");
        var (note, notes) = await SourceNotesAsync(db, moveIn, ct);
        // The move-in's paper waiting for its scan, whatever language its note was written in.
        var waiting = await sameKind.Where(d => d.FileId == null && d.SourceNote != null && notes.Contains(d.SourceNote))
            .OrderBy(d => d.Id).Select(d => d.SourceNote).FirstOrDefaultAsync(ct);
        var beside = waiting is null && await sameKind.AnyAsync(d => d.FileId != null && d.SourceNote != null && notes.Contains(d.SourceNote), ct);
        var now = clock.GetUtcNow();
        var who = (await actor.GetAsync()).Name;
        var stored = scan.ToStoredFile(who, now);
        db.StoredFiles.Add(stored);
        var day = moveIn.MovedInOn ?? estateTime.LocalDate(moveIn.EstateId, now);
        if (!await FiledPapers.StageAsync(db, new PaperForFile(moveIn.OccupantId, kindId, true, day, stored.Id, waiting ?? note), who, ct))
            return new("KindRetired");
        await db.SaveChangesAsync(ct);
        var paper = db.OccupantDocuments.Local.Single(d => d.FileId == stored.Id);
        return new(null, paper.Id, beside);
    }

    /// <summary>The scans of the move-in's forms on the owner's file (the papers this move-in filed, in any language), oldest first.</summary>
    public async Task<IReadOnlyList<MoveInScanRow>> ScansAsync(int id, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandOverUnits, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var moveIn = await db.MoveIns.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (moveIn is null)
            return [];
        var (_, notes) = await SourceNotesAsync(db, moveIn, ct);
        var kinds = ScannedForms.ToDictionary(KindOf);
        var kindIds = kinds.Keys.ToList();
        var rows = await db.OccupantDocuments.AsNoTracking()
            .Where(d => d.OccupantId == moveIn.OccupantId && kindIds.Contains(d.KindId) && d.File != null && d.SourceNote != null && notes.Contains(d.SourceNote))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.KindId, d.File!.Name, d.ReceivedOn }).ToListAsync(ct);
        return [.. rows.Select(r => new MoveInScanRow(kinds[r.KindId], r.Id, r.Name, r.ReceivedOn))];
    }
}

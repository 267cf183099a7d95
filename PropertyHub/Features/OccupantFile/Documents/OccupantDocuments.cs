using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// An occupant's papers on file (一戶一檔, P1§10.2): the checklist of the kinds the standard lists, each on file or
/// missing, and the paper's scan. A scan with the same content as one already on the occupant's file is kept once.
/// </summary>
public sealed class OccupantDocuments(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    CurrentActor actor,
    EstateTime estateTime,
    TimeProvider clock,
    IStringLocalizer<OccupantDocumentsText> text,
    IStringLocalizer<SharedText> sharedText)
{
    /// <summary>Whose file a paper is on (for the way back to their documents from a refused scan), or null for no such paper.</summary>
    public async Task<int?> OccupantOfAsync(int documentId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OccupantDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => (int?)d.OccupantId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every kind in use (and retired ones this occupant has on file), in the standard's order, each with all its papers on file.</summary>
    public async Task<IReadOnlyList<ChecklistRow>> GetChecklistAsync(int occupantId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        var mayRestricted = await permissions.MayAsync(Can.ReadRestrictedDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChecklistAsync(db, occupantId, mayRestricted, ct);
    }

    internal static async Task<IReadOnlyList<ChecklistRow>> ChecklistAsync(AppDbContext db, int occupantId, bool mayRestricted, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var documents = (await db.OccupantDocuments.AsNoTracking().Where(d => d.OccupantId == occupantId)
            .Select(d => new { d.Id, d.KindId, d.IsOriginal, d.ReceivedOn, d.ReceivedBy, d.SourceNote, d.PrintLink, ScanName = d.File == null ? null : d.File.Name })
            .ToListAsync(ct))
            .OrderBy(d => d.ReceivedOn).ThenBy(d => d.Id).ToLookup(d => d.KindId);
        var kinds = await db.DocumentKinds.AsNoTracking().OrderBy(k => k.Order).ThenBy(k => k.Id).ToListAsync(ct);
        return kinds.Where(k => !k.Retired || documents.Contains(k.Id)).Select(k => new ChecklistRow(k.Id, k.NameIn(culture), k.Restricted, k.Retired,
            documents[k.Id].Select(d => new PaperOnFile(d.Id, d.IsOriginal, d.ReceivedOn, d.ReceivedBy, d.SourceNote, d.ScanName,
                d.ScanName is not null && (!k.Restricted || mayRestricted), d.PrintLink)).ToList())).ToList();
    }

    /// <summary>
    /// Puts a paper on file from the checklist (or, with <see cref="DocumentEntry.DocumentId"/>, corrects that paper), with
    /// its scan when one is given (already checked by <see cref="FileIntake"/>). The papers already on file of the kind
    /// stay. The same scan again (on the paper, or added when a paper of the kind has it) changes nothing and says so; a
    /// scan already on another of the occupant's papers is linked, not stored twice. All or nothing.
    /// </summary>
    public async Task<SaveResult<DocumentSaved>> RecordAsync(DocumentEntry entry, UploadedFile? scan, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepOccupantDocuments, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        var errors = new List<FieldError>();
        var receivedBy = Text(entry.ReceivedBy, nameof(DocumentEntry.ReceivedBy), required: true, errors);
        var note = Text(entry.SourceNote, nameof(DocumentEntry.SourceNote), required: false, errors);
        if (entry.ReceivedOn is null)
            errors.Add(new(nameof(DocumentEntry.ReceivedOn), text["ReceivedOnRequired"]));
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, null, errors);
        return await SaveAsync(entry.OccupantId, entry.KindId, entry.DocumentId, entry.IsOriginal, entry.ReceivedOn!.Value, receivedBy!, note, scan, null, ct);
    }

    /// <summary>
    /// For other modules (move-in, renovation): adds a paper of a kind to the occupant's file, with a file they already
    /// stored (or the print page of a paper the app prints) and a note of where the paper came from, received by the acting
    /// user. The papers already on file of the kind stay; the same file again on a paper of the kind adds nothing.
    /// </summary>
    public async Task<SaveResult<DocumentSaved>> PutOnFileAsync(PaperForFile paper, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepOccupantDocuments, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        var errors = new List<FieldError>();
        var note = Text(paper.SourceNote, nameof(PaperForFile.SourceNote), required: false, errors);
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, null, errors);
        FiledPapers.CheckPrintLink(paper.PrintLink);
        return await SaveAsync(paper.OccupantId, paper.KindId, null, paper.IsOriginal, paper.ReceivedOn, (await actor.GetAsync()).Name, note, null, paper.FileId, ct,
            paper.PrintLink);
    }

    private async Task<SaveResult<DocumentSaved>> SaveAsync(int occupantId, int kindId, int? documentId, bool isOriginal, DateOnly receivedOn, string receivedBy,
        string? note, UploadedFile? scan, Guid? fileId, CancellationToken ct, string? printLink = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var occupant = await db.Occupants.AsNoTracking().Where(o => o.Id == occupantId).Select(o => new { o.Id, o.Unit!.Building!.EstateId }).FirstOrDefaultAsync(ct);
        var kind = await db.DocumentKinds.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kindId, ct);
        if (occupant is null || kind is null)
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        if (receivedOn > estateTime.Today(occupant.EstateId))
            return new(SaveOutcome.Invalid, null, [new(nameof(DocumentEntry.ReceivedOn), text["ReceivedInFuture"])]);
        if (fileId is { } given && !await db.StoredFiles.AnyAsync(f => f.Id == given, ct))
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        OccupantDocument document;
        if (documentId is { } id)
        {
            if (await db.OccupantDocuments.Include(d => d.File).FirstOrDefaultAsync(d => d.Id == id && d.OccupantId == occupantId && d.KindId == kindId, ct) is not { } found)
                return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
            document = found;
        }
        else
        {
            if (kind.Retired)
                return Fail(SaveOutcome.Invalid, text["KindRetired"]);
            // A duplicate of a paper of this kind (the same scan, or the same stored file) is that paper: kept once.
            var sameKind = db.OccupantDocuments.Where(d => d.OccupantId == occupantId && d.KindId == kindId);
            var duplicate = scan is not null ? await sameKind.Where(d => d.File != null && d.File.Sha256 == scan.Sha256).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
                : fileId is { } same ? await sameKind.Where(d => d.FileId == same).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
                : null;
            if (duplicate is { } kept)
                return SaveResult<DocumentSaved>.Saved(new DocumentSaved(kept, ScanKeptOnce: false, ScanUnchanged: true));
            document = new OccupantDocument { OccupantId = occupantId, KindId = kindId, ReceivedBy = receivedBy };
            db.OccupantDocuments.Add(document);
        }
        document.IsOriginal = isOriginal;
        document.ReceivedOn = receivedOn;
        document.ReceivedBy = receivedBy;
        document.SourceNote = note ?? document.SourceNote;
        document.PrintLink = printLink ?? document.PrintLink;
        bool keptOnce = false, unchanged = false;
        if (scan is not null)
        {
            if (document.File?.Sha256 == scan.Sha256)
                unchanged = true;
            // Kept once only beside papers as restricted as this one: a scan on an identity or title paper is never
            // shared with a paper whose scans more roles may open, nor is its presence told.
            else if (await db.OccupantDocuments.Where(d => d.OccupantId == occupantId && d.File != null && d.File.Sha256 == scan.Sha256
                             && d.Kind!.Restricted == kind.Restricted)
                         .Select(d => d.FileId).FirstOrDefaultAsync(ct) is { } existing)
            {
                (document.FileId, keptOnce) = (existing, true);
            }
            else
            {
                var stored = scan.ToStoredFile((await actor.GetAsync()).Name, clock.GetUtcNow());
                db.StoredFiles.Add(stored);
                document.FileId = stored.Id;
            }
        }
        else if (fileId is not null)
            document.FileId = fileId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Fail(SaveOutcome.Conflict, text["RecordedMeanwhile"]);
        }
        return SaveResult<DocumentSaved>.Saved(new DocumentSaved(document.Id, keptOnce, unchanged));
    }

    private string? Text(string? value, string field, bool required, List<FieldError> errors)
    {
        var clean = TypedText.Text(value);
        if (clean is null && required)
            errors.Add(new(field, text["Required"]));
        else if (clean is not null && clean.Length > OccupantDocumentConfiguration.TextLength)
            errors.Add(new(field, text["TooLong", OccupantDocumentConfiguration.TextLength]));
        return clean;
    }

    private static SaveResult<DocumentSaved> Fail(SaveOutcome outcome, string message) => new(outcome, null, [new FieldError("", message)]);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// The list of document kinds the checklist shows, kept by Admin: add, rename (in the three languages), restrict,
/// retire and bring back. A kind some occupant has on file is never deleted; an unused one may be.
/// </summary>
public sealed class DocumentKinds(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions,
    IStringLocalizer<OccupantDocumentsText> text, IStringLocalizer<SharedText> sharedText)
{
    public async Task<IReadOnlyList<DocumentKindRow>> ListAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DocumentKinds.AsNoTracking().OrderBy(k => k.Order).ThenBy(k => k.Id)
            .Select(k => new DocumentKindRow(k.Id, k.NameEn, k.NameHans, k.NameHant, k.Restricted, k.Retired, db.OccupantDocuments.Any(d => d.KindId == k.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Adds a kind (Id 0, at the end of the list) or renames one; names are required and unique in each language.</summary>
    public async Task<SaveResult<int>> SaveAsync(DocumentKindForm form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDocumentKinds, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        var errors = new List<FieldError>();
        var en = Name(form.NameEn, nameof(DocumentKindForm.NameEn), errors);
        var hans = Name(form.NameHans, nameof(DocumentKindForm.NameHans), errors);
        var hant = Name(form.NameHant, nameof(DocumentKindForm.NameHant), errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var others = db.DocumentKinds.Where(k => k.Id != form.Id);
        if (en is not null && await others.AnyAsync(k => k.NameEn == en, ct))
            errors.Add(new(nameof(DocumentKindForm.NameEn), text["KindNameTaken"]));
        if (hans is not null && await others.AnyAsync(k => k.NameHans == hans, ct))
            errors.Add(new(nameof(DocumentKindForm.NameHans), text["KindNameTaken"]));
        if (hant is not null && await others.AnyAsync(k => k.NameHant == hant, ct))
            errors.Add(new(nameof(DocumentKindForm.NameHant), text["KindNameTaken"]));
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, 0, errors);

        DocumentKind kind;
        if (form.Id == 0)
        {
            // An Admin's kinds are numbered from StandardDocumentKinds.FirstCustomId, so a kind the standard's list gains in a
            // later version (seeded by a migration with its own id) never meets one an Admin added.
            var last = await db.DocumentKinds.Where(k => k.Id >= StandardDocumentKinds.FirstCustomId).MaxAsync(k => (int?)k.Id, ct)
                ?? StandardDocumentKinds.FirstCustomId - 1;
            var order = await db.DocumentKinds.MaxAsync(k => (int?)k.Order, ct) ?? 0;
            kind = new DocumentKind { Id = last + 1, Order = order + 1, NameEn = en!, NameHans = hans!, NameHant = hant! };
            db.DocumentKinds.Add(kind);
        }
        else if (await db.DocumentKinds.FirstOrDefaultAsync(k => k.Id == form.Id, ct) is { } found)
            kind = found;
        else
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        (kind.NameEn, kind.NameHans, kind.NameHant, kind.Restricted) = (en!, hans!, hant!, form.Restricted);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another kind was added at the same moment and took the id: nothing was saved.
            return Fail(SaveOutcome.Conflict, text["KindsChanged"]);
        }
        return SaveResult<int>.Saved(kind.Id);
    }

    /// <summary>Retires a kind (it leaves the checklist for new papers; papers on file keep it) or brings it back.</summary>
    public async Task<SaveResult<int>> RetireAsync(int id, bool retired, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDocumentKinds, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.DocumentKinds.FirstOrDefaultAsync(k => k.Id == id, ct) is not { } kind)
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        kind.Retired = retired;
        await db.SaveChangesAsync(ct);
        return SaveResult<int>.Saved(id);
    }

    /// <summary>Deletes a kind nobody has on file; a kind in use is refused (retire it instead).</summary>
    public async Task<SaveResult<int>> DeleteAsync(int id, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDocumentKinds, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.DocumentKinds.FirstOrDefaultAsync(k => k.Id == id, ct) is not { } kind)
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        if (await db.OccupantDocuments.AnyAsync(d => d.KindId == id, ct))
            return Fail(SaveOutcome.Invalid, text["KindInUse"]);
        db.DocumentKinds.Remove(kind);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A paper of this kind was put on file meanwhile: the key refuses the delete.
            return Fail(SaveOutcome.Invalid, text["KindInUse"]);
        }
        return SaveResult<int>.Saved(id);
    }

    private string? Name(string? value, string field, List<FieldError> errors)
    {
        var clean = TypedText.Text(value);
        if (clean is null)
            errors.Add(new(field, text["Required"]));
        else if (clean.Length > DocumentKindConfiguration.NameLength)
            errors.Add(new(field, text["TooLong", DocumentKindConfiguration.NameLength]));
        return clean;
    }

    private static SaveResult<int> Fail(SaveOutcome outcome, string message) => new(outcome, 0, [new FieldError("", message)]);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// Opens a paper's scan: only through the paper (a file id alone serves nothing), only to a user who may keep the
/// file and, for a restricted kind, read restricted documents — the service decides, not the page. Every opening that
/// is served is recorded first (who, when, viewed or downloaded) and listed on the paper.
/// </summary>
public sealed class DocumentScans(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, CurrentActor actor, TimeProvider clock)
{
    public static string Link(int documentId, bool download = false) =>
        download ? $"/occupant-documents/{documentId}/scan?download=true" : $"/occupant-documents/{documentId}/scan";

    public async Task<IResult> SendAsync(HttpContext http, int documentId, bool download, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepOccupantDocuments, ct))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.OccupantDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.Id, d.FileId, d.Kind!.Restricted }).FirstOrDefaultAsync(ct);
        if (document?.FileId is not { } fileId)
            return Results.NotFound();
        if (document.Restricted && !await permissions.AllowsAsync(Can.ReadRestrictedDocuments, ct))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var result = await StoredFileResults.SendAsync(db, http, fileId, download, ct);
        if (result is NotFound)
            return result;
        var who = await actor.GetAsync();
        db.DocumentReads.Add(new DocumentRead
        {
            DocumentId = document.Id, FileId = fileId, UserId = who.UserId ?? "", UserName = who.Name, At = clock.GetUtcNow(), Download = download,
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Who opened the paper's scans, newest first.</summary>
    public async Task<IReadOnlyList<DocumentReadRow>> ReadsAsync(int documentId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.KeepOccupantDocuments, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DocumentReads.AsNoTracking().Where(r => r.DocumentId == documentId).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Select(r => new DocumentReadRow(r.UserName, r.At, r.Download)).ToListAsync(ct);
    }
}

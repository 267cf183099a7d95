using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.Fund.Documents;

public sealed record FundDocumentRow(Guid FileId, string Name, long Length, string StoredBy, DateTimeOffset StoredAt);

/// <summary>Documents attached to ledger lines through the shared file store: PDF, JPEG or PNG, checked from the content.</summary>
public sealed class FundDocuments(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, TimeProvider clock)
{
    public static string Link(Guid fileId) => $"/fund/documents/{fileId}";

    /// <summary>Stores the checked file and links it to the line in one save: both or neither.</summary>
    public async Task<FundResult> AttachAsync(int entryId, UploadedFile? file, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        if (file is null)
            return FundResult.Fail("", "DocumentRequired");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.FundEntries.AnyAsync(e => e.Id == entryId, ct))
            return FundResult.Fail("", "EntryNotFound");
        var stored = file.ToStoredFile((await actor.GetAsync()).Name, clock.GetUtcNow());
        db.StoredFiles.Add(stored);
        var document = new FundEntryDocument { FundEntryId = entryId, FileId = stored.Id };
        db.FundEntryDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return FundResult.Done(document.Id);
    }

    public async Task<IReadOnlyList<FundDocumentRow>> ListAsync(int entryId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FundEntryDocuments.AsNoTracking().Where(d => d.FundEntryId == entryId).OrderBy(d => d.Id)
            .Select(d => new FundDocumentRow(d.FileId, d.File!.Name, d.File.Length, d.File.StoredBy, d.File.StoredAt)).ToListAsync(ct);
    }

    /// <summary>Sends a document only when it is attached to a ledger line (and the user may see the fund).</summary>
    public async Task<IResult> SendAsync(HttpContext http, Guid fileId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.FundEntryDocuments.AnyAsync(d => d.FileId == fileId, ct))
            return Results.NotFound();
        return await StoredFileResults.SendAsync(db, http, fileId, download: false, ct);
    }
}

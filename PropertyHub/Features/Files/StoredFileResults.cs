using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Files;

/// <summary>
/// Sends a stored file to the browser once the record it belongs to has decided the user may see it: with the type its
/// content was checked to be (the app's headers already forbid the browser to guess another), and kept out of caches,
/// since the next person at the same computer may not be allowed to see it. Content kept in the folder store is read
/// from there (and checked against its hash).
/// </summary>
public static class StoredFileResults
{
    public static async Task<IResult> SendAsync(AppDbContext db, HttpContext http, Guid fileId, bool download, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().Include(f => f.Content).SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file?.Content is null)
            return Results.NotFound();
        var bytes = file.Content.Bytes;
        if (bytes.Length == 0 && file.Length > 0)
        {
            var folder = http.RequestServices.GetRequiredService<FileFolder>();
            if (folder.Root is null || await folder.ReadAsync(file.Sha256, ct) is not { } read)
            {
                http.RequestServices.GetRequiredService<ILogger<FileFolder>>().LogError("Stored file {FileId} is not in the file folder (or no longer matches its hash)", fileId);
                return Results.NotFound();
            }
            bytes = read;
        }
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return download
            ? Results.File(bytes, file.ContentType, file.Name)
            : Results.File(bytes, file.ContentType);
    }
}

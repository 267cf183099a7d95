using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Files;

/// <summary>
/// Sends a stored file to the browser once the record it belongs to has decided the user may see it: with the type its
/// content was checked to be (the app's headers already forbid the browser to guess another), and kept out of caches,
/// since the next person at the same computer may not be allowed to see it.
/// </summary>
public static class StoredFileResults
{
    public static async Task<IResult> SendAsync(AppDbContext db, HttpContext http, Guid fileId, bool download, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().Include(f => f.Content).SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file?.Content is null)
            return Results.NotFound();
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return download
            ? Results.File(file.Content.Bytes, file.ContentType, file.Name)
            : Results.File(file.Content.Bytes, file.ContentType);
    }
}

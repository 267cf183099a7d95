using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PropertyHub.Features.Files;

/// <summary>
/// With the folder store, moves each new file's content out of the save: written to the folder (under its hash,
/// atomically) before the rows go in, and the row keeps an empty content that tells <see cref="StoredFileResults"/>
/// to read the folder. A save that then fails leaves at most an unreferenced content file, never a row without its
/// content; a retried save finds the content written already. Callers keep adding <see cref="StoredFile"/>s as before.
/// </summary>
internal sealed class FolderWriteInterceptor(FileFolder folder) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (!folder.IsUsed || eventData.Context is not { } context)
            return result;
        foreach (var entry in context.ChangeTracker.Entries<StoredFileContent>().Where(e => e.State == EntityState.Added && e.Entity.Bytes.Length > 0).ToList())
        {
            var file = context.ChangeTracker.Entries<StoredFile>().FirstOrDefault(f => f.Entity.Id == entry.Entity.FileId)?.Entity;
            var sha256 = file?.Sha256 ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(entry.Entity.Bytes));
            await folder.WriteAsync(sha256, entry.Entity.Bytes, ct);
            entry.Entity.Bytes = [];
        }
        return result;
    }
}

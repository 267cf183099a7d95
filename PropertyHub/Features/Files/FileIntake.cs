using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace PropertyHub.Features.Files;

/// <summary>A file that passed the checks, ready to be stored with the record it belongs to.</summary>
public sealed record UploadedFile(string Name, FileKind Kind, byte[] Bytes, string Sha256)
{
    /// <summary>The row to add to the caller's context, in the same save as the record that refers to it.</summary>
    public StoredFile ToStoredFile(string storedBy, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new StoredFile
        {
            Id = id,
            Name = Name,
            Kind = Kind,
            Length = Bytes.Length,
            Sha256 = Sha256,
            StoredAt = now,
            StoredBy = storedBy,
            Content = new StoredFileContent { FileId = id, Bytes = Bytes },
        };
    }
}

public enum FileProblem
{
    Empty,
    TooLarge,
    WrongKind,
}

/// <summary>Either the checked file or why it was refused.</summary>
public sealed record FileIntakeResult(UploadedFile? File, FileProblem? Problem)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Reads an upload and decides whether to take it: not empty, not over the size limit, and of an allowed kind judged
/// from the content (an executable or an HTML page renamed .pdf is refused). Reads at most one byte past the limit,
/// so a 50 MB upload costs 10 MB of memory, not 50.
/// </summary>
public sealed class FileIntake(IOptions<FilesOptions> options)
{
    public long MaxBytes => options.Value.MaxBytes;

    public Task<FileIntakeResult> ReadAsync(IBrowserFile file, IReadOnlySet<FileKind> allowed, CancellationToken ct = default)
    {
        if (file.Size > MaxBytes)
            return Task.FromResult(new FileIntakeResult(null, FileProblem.TooLarge));
        if (file.Size == 0)
            return Task.FromResult(new FileIntakeResult(null, FileProblem.Empty));
        return ReadCoreAsync(file.OpenReadStream(MaxBytes + 1, ct), file.Name, allowed, ct);
    }

    public Task<FileIntakeResult> ReadAsync(Stream content, string? name, IReadOnlySet<FileKind> allowed, CancellationToken ct = default) =>
        ReadCoreAsync(content, name, allowed, ct);

    private async Task<FileIntakeResult> ReadCoreAsync(Stream content, string? name, IReadOnlySet<FileKind> allowed, CancellationToken ct)
    {
        var bytes = await ReadLimitedAsync(content, MaxBytes, ct);
        if (bytes is null)
            return new(null, FileProblem.TooLarge);
        if (bytes.Length == 0)
            return new(null, FileProblem.Empty);
        if (FileKinds.Sniff(bytes) is not { } kind || !allowed.Contains(kind))
            return new(null, FileProblem.WrongKind);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new(new UploadedFile(FileNames.Clean(name, kind), kind, bytes, hash), null);
    }

    /// <summary>The whole content, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream content, long limit, CancellationToken ct)
    {
        await using (content)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                    return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }
}

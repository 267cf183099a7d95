using Microsoft.Extensions.Options;

namespace PropertyHub.Features.Files;

/// <summary>
/// The folder store (<c>Files:Store=Folder</c>): each content once, named by its SHA-256 (<c>ab/abcdef….bin</c>), so
/// a second upload of the same bytes writes nothing. A file is written beside its place and renamed into it, so a
/// reader never sees half a file; the name comes from the hash, never from the user. Content is checked against its
/// hash when read back.
/// </summary>
internal sealed class FileFolder(IOptions<FilesOptions> options, IWebHostEnvironment environment)
{
    public bool IsUsed => options.Value.Store == FileStoreKind.Folder;

    /// <summary>The folder's full path, or null when none is configured.</summary>
    public string? Root => Resolve(options.Value.Folder, environment.ContentRootPath);

    public static string? Resolve(string? folder, string contentRoot) =>
        string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(Path.Combine(contentRoot, folder));

    /// <summary>Writes the content under its hash unless it is there already; returns its path.</summary>
    internal async Task<string> WriteAsync(string sha256, byte[] bytes, CancellationToken ct = default)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
            return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough))
            {
                await stream.WriteAsync(bytes, ct);
                await stream.FlushAsync(ct);
            }
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another upload of the same bytes won the rename: the content is there, ours is not needed.
            }
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        return path;
    }

    /// <summary>The content, or null when the file is missing or no longer matches its hash.</summary>
    internal async Task<byte[]?> ReadAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
            return null;
        var bytes = await File.ReadAllBytesAsync(path, ct);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) == sha256 ? bytes : null;
    }

    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256 in lower-case hex", nameof(sha256));
        var root = Root ?? throw new InvalidOperationException("Files:Folder is not configured");
        return Path.Combine(root, sha256[..2], sha256 + ".bin");
    }
}

/// <summary>Refuses at start-up a folder store without a folder, or with one the web server would serve (inside wwwroot).</summary>
internal sealed class FilesOptionsValidator(IWebHostEnvironment environment) : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options)
    {
        if (options.Store != FileStoreKind.Folder)
            return ValidateOptionsResult.Success;
        var root = FileFolder.Resolve(options.Folder, environment.ContentRootPath);
        if (root is null)
            return ValidateOptionsResult.Fail("Files:Store is Folder but Files:Folder is empty: give the folder to keep the files in (outside the web root).");
        var web = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        if (IsInside(root, web))
            return ValidateOptionsResult.Fail($"Files:Folder '{root}' is inside the web root '{web}', where anyone could download the files: choose a folder outside it.");
        return ValidateOptionsResult.Success;
    }

    private static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var p = Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;
        var f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return p.StartsWith(f, comparison);
    }
}

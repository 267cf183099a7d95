using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Files;

/// <summary>Where stored files' content is kept: in the database (the default: every instance and every backup has it) or in a folder.</summary>
public enum FileStoreKind
{
    Database,
    Folder,
}

public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in megabytes: a scanned contract or a phone photo fits in 10.</summary>
    [Range(1, 100)]
    public int MaxMegabytes { get; set; } = 10;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    /// <summary>Database (default) or Folder: new files' content goes there; files stored before keep being read from where they are.</summary>
    public FileStoreKind Store { get; set; } = FileStoreKind.Database;

    /// <summary>The folder for <see cref="FileStoreKind.Folder"/>: absolute, or relative to the content root; never inside the web root.</summary>
    public string? Folder { get; set; }
}

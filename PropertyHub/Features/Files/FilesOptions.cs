using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Files;

public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in megabytes: a scanned contract or a phone photo fits in 10.</summary>
    [Range(1, 100)]
    public int MaxMegabytes { get; set; } = 10;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}

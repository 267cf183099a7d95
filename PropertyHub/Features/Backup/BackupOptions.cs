using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Backup;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Folder for backups; relative paths are under the content root.</summary>
    [Required]
    public string Folder { get; set; } = "App_Data/backups";

    /// <summary>How many nightly backups to keep.</summary>
    [Range(1, 365)]
    public int Keep { get; set; } = 14;

    /// <summary>When the nightly backup runs, in the estate's time zone.</summary>
    [Required]
    public string Cron { get; set; } = "30 2 * * *";
}

using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Files;
using PropertyHub.Resources;

namespace PropertyHub.Features.Renovation;

/// <summary>Photos chosen for a patrol or an inspection: each checked by the file intake when chosen.</summary>
public static class PhotoPicker
{
    /// <summary>Adds the chosen pictures that pass the intake; the message of the first refused one, or null.</summary>
    public static async Task<string?> AddAsync(FileIntake intake, IStringLocalizer<FilesText> text, InputFileChangeEventArgs e, List<UploadedFile> photos)
    {
        string? problem = null;
        foreach (var file in e.GetMultipleFiles(CompletionRules.MaxPhotos))
        {
            var read = await intake.ReadAsync(file, FileKinds.Pictures);
            if (read.File is { } picture)
                photos.Add(picture);
            else
                problem ??= $"{file.Name}: {FileProblems.Message(text, read.Problem!.Value, FileKinds.Pictures, intake.MaxBytes)}";
        }
        return problem;
    }
}

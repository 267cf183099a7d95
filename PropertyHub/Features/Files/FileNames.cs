using System.Text;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Files;

/// <summary>An uploaded file's name made safe to show: no folders, no control or invisible characters, not too long.</summary>
public static class FileNames
{
    public const int MaxLength = 200;

    public static string Clean(string? name, FileKind kind)
    {
        var text = TypedText.Text(name) ?? "";
        // Both separators: a name typed on Windows reaches a Linux server with its backslashes.
        var last = text.LastIndexOfAny(['/', '\\']);
        text = text[(last + 1)..];
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
                clean.Append(c);
        var result = clean.ToString().Trim().TrimStart('.').Trim();
        if (result.Length == 0)
            result = "file" + Extension(kind);
        return result.Length <= MaxLength ? result : result[..(MaxLength - 10)] + Extension(kind);
    }

    private static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Xlsx => ".xlsx",
        FileKind.Csv => ".csv",
        _ => ".png",
    };
}

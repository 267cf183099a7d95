namespace PropertyHub.Features.Files;

/// <summary>The kinds of file the product takes, each recognised from its content, never from its name.</summary>
public enum FileKind
{
    Pdf,
    Jpeg,
    Png,
    /// <summary>A spreadsheet (Office Open XML: a zip archive), as banks export statements.</summary>
    Xlsx,
    /// <summary>Plain text (no NUL bytes), as banks export CSV statements in UTF-8 or GB18030.</summary>
    Csv,
}

public static class FileKinds
{
    /// <summary>Scans: a PDF or a picture.</summary>
    public static readonly IReadOnlySet<FileKind> Documents = new HashSet<FileKind> { FileKind.Pdf, FileKind.Jpeg, FileKind.Png };

    /// <summary>Photos taken with a phone or camera.</summary>
    public static readonly IReadOnlySet<FileKind> Pictures = new HashSet<FileKind> { FileKind.Jpeg, FileKind.Png };

    /// <summary>A bank statement as the bank exported it: a spreadsheet or a CSV.</summary>
    public static readonly IReadOnlySet<FileKind> Statements = new HashSet<FileKind> { FileKind.Xlsx, FileKind.Csv };

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Csv => "text/csv",
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What a file picker should offer for these kinds (the <c>accept</c> attribute); the content still decides.</summary>
    public static string Accept(IEnumerable<FileKind> kinds) =>
        string.Join(',', kinds.Select(k => k switch
        {
            FileKind.Pdf => ".pdf,application/pdf",
            FileKind.Jpeg => ".jpg,.jpeg,image/jpeg",
            FileKind.Xlsx => ".xlsx",
            FileKind.Csv => ".csv,.txt,text/csv",
            _ => ".png,image/png",
        }));

    /// <summary>
    /// The kind the content really is, or null. A PDF must start with its header and end with its end-of-file marker
    /// (an HTML page named .pdf has neither); a JPEG starts with its SOI marker and a PNG with its 8-byte signature.
    /// </summary>
    public static FileKind? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8) && HasPdfEnd(content))
            return FileKind.Pdf;
        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
            return FileKind.Jpeg;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return FileKind.Png;
        if (content.StartsWith("PK\u0003\u0004"u8))
            return FileKind.Xlsx;
        // Text: no NUL byte in the first 8 KiB (UTF-8 and GB18030 never have one; binary formats soon do).
        if (content.Length > 0 && content[..Math.Min(content.Length, 8192)].IndexOf((byte)0) < 0)
            return FileKind.Csv;
        return null;
    }

    // The PDF standard lets writers put a little after %%EOF (a newline, some padding); 1 KiB is what readers search.
    private static bool HasPdfEnd(ReadOnlySpan<byte> content) =>
        content[Math.Max(0, content.Length - 1024)..].IndexOf("%%EOF"u8) >= 0;
}

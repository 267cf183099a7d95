using System.Text;
using System.Text.Unicode;

namespace PropertyHub.Features.Registry.Import;

/// <summary>
/// Decides how a text sheet (CSV, or Excel's "Unicode text") is encoded by checking every byte of it, never a sample:
/// a byte order mark says UTF-8 or UTF-16; without one the file must be valid UTF-8 throughout, else valid GB18030
/// throughout (what Excel on a Chinese Windows saves as "CSV"), else it is refused. Decoders throw on any invalid
/// byte, so nothing is ever replaced by U+FFFD.
/// </summary>
public static class SheetEncoding
{
    /// <summary>The encodings a text sheet is tried in, as named in the refusal message.</summary>
    public const string Tried = "UTF-8, UTF-16 (BOM), GB18030";

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    static SheetEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An old binary Excel workbook (.xls) or an encrypted one: both are OLE compound files.</summary>
    public static bool IsOleWorkbook(ReadOnlySpan<byte> bytes) => bytes.StartsWith(OleSignature);

    /// <summary>The whole file as text, or null when it is not valid in any encoding tried.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Strict(new UTF8Encoding(false, true), bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        if (Utf8.IsValid(bytes))
            return Clean(Encoding.UTF8.GetString(bytes));
        return Strict(Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes);
    }

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Clean(encoding.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // A NUL is never in a sheet's text: such a file is UTF-16 without its byte order mark, or not text at all.
    private static string? Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? null : text;
}

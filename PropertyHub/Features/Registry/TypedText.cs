using System.Buffers;
using System.Globalization;
using System.Text;

namespace PropertyHub.Features.Registry;

/// <summary>
/// What people type or paste, made safe to store: one place for every form, service and import.
/// Invisible characters go from everything: zero-width ones hide differences between two names, and bidirectional
/// controls reorder what is shown (U+202E turned "evil" into "live" on the queue). Values made of digits (phones,
/// ID numbers, amounts, unit numbers) are also NFKC-normalised, so full-width ３ becomes 3; a digit that is still
/// not ASCII 0–9 after that (Arabic-Indic ٣, Devanagari ३) is refused by the caller, see <see cref="HasOtherDigits"/>.
/// </summary>
public static class TypedText
{
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>A name or free text without invisible characters, trimmed; null when nothing is left.</summary>
    public static string? Text(string? value)
    {
        if (value is null)
            return null;
        var clean = RemoveInvisible(value).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>A value people type digits into, without invisible characters, NFKC-normalised and trimmed; null when empty.</summary>
    public static string? Digits(string? value)
    {
        var clean = Text(value);
        if (clean is null)
            return null;
        clean = clean.Normalize(NormalizationForm.FormKC).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>True when the value holds a decimal digit other than ASCII 0–9 (what .NET's <c>\d</c> would also accept).</summary>
    public static bool HasOtherDigits(string? value)
    {
        if (value is null)
            return false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber && rune.Value is < '0' or > '9')
                return true;
        }
        return false;
    }

    /// <summary>Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and bidirectional controls (U+200E/F, U+202A–E, U+2066–9, U+061C).</summary>
    public static bool IsInvisible(char c) => Invisible.Contains(c);

    private static string RemoveInvisible(string value)
    {
        var first = value.AsSpan().IndexOfAny(Invisible);
        if (first < 0)
            return value;
        var kept = new StringBuilder(value.Length);
        kept.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            if (!IsInvisible(value[i]))
                kept.Append(value[i]);
        }
        return kept.ToString();
    }

}

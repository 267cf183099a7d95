using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// Where a paper filed by another module came from, in the reader's language. Such a note is written once, in the
/// language of whoever filed it ("Move-in 1-103 (#3)", "装修 1-101，许可证 …"): it is kept as written — matching a
/// source's own paper by its note keeps working — and recognised when read against the source phrases in each of the
/// three languages, then said again in the reader's. A note typed by a user, or one not recognised, reads as typed.
/// </summary>
public static class PaperSources
{
    /// <summary>The source phrases of the papers other modules file (PapersText keys), with the arguments they carry.</summary>
    private static readonly string[] Keys = ["MoveInSource", "ProxySource", "RenovationSource"];

    private static readonly string[] Languages = ["en", "zh-Hans", "zh-Hant"];

    private static readonly ResourceManager Phrases = new("PropertyHub.Resources.PapersText", typeof(PaperSources).Assembly);

    private static readonly ResourceManager ProxyKinds = new("PropertyHub.Resources.MoveInText", typeof(PaperSources).Assembly);

    private static readonly Lazy<IReadOnlyList<(string Key, Regex Pattern)>> Patterns = new(() =>
        [.. Keys.SelectMany(key => Languages.Select(language => (key, Pattern(Phrases.GetString(key, CultureInfo.GetCultureInfo(language)) ?? "")))
            .DistinctBy(p => p.Item2.ToString()))]);

    /// <summary>The note in the current UI language when it is a source phrase of any language; otherwise as written.</summary>
    public static string Read(string note)
    {
        foreach (var (key, pattern) in Patterns.Value)
        {
            if (pattern.Match(Plain(note.Trim())) is not { Success: true } match)
                continue;
            var culture = CultureInfo.CurrentUICulture;
            var args = Enumerable.Range(0, match.Groups.Count - 1).Select(i => match.Groups["a" + i].Value)
                .Select((value, i) => (object)(key == "ProxySource" && i == 0 ? Kind(value, culture) : value)).ToArray();
            return Phrases.GetString(key, culture) is { } phrase ? string.Format(culture, phrase, args) : note;
        }
        return note;
    }

    /// <summary>A common proxy service named in any language (MoveInText's Proxy_ words), in the reader's; any other as typed.</summary>
    private static string Kind(string kind, CultureInfo culture)
    {
        foreach (var code in new[] { "Proxy_Utilities", "Proxy_Gas", "Proxy_Network", "Proxy_Tv", "Proxy_Phone" })
            if (Languages.Any(l => string.Equals(ProxyKinds.GetString(code, CultureInfo.GetCultureInfo(l)), kind, StringComparison.OrdinalIgnoreCase)))
                return ProxyKinds.GetString(code, culture) ?? kind;
        return kind;
    }

    /// <summary>Full-width punctuation as half-width, so a note filed before the Chinese phrases took full-width punctuation still matches.</summary>
    private static string Plain(string text) => text.Replace('（', '(').Replace('）', ')').Replace('：', ':').Replace('，', ',');

    /// <summary>"Move-in {0} (#{1})" → ^Move-in (?&lt;a0&gt;.+?) \(\#(?&lt;a1&gt;.+?)\)$.</summary>
    private static Regex Pattern(string phrase)
    {
        var parts = Regex.Split(Plain(phrase), @"\{(\d+)\}");
        var pattern = string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<a{part}>.+?)"));
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }
}

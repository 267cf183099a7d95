using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace PropertyHub.Features.Reception;

/// <summary>An argument of a timeline phrase that is itself a word to translate (a category, a status).</summary>
public sealed record PhraseWord(string Key);

/// <summary>An argument that is a list of words to translate, shown joined by commas.</summary>
public sealed record PhraseWords(IReadOnlyList<string> Keys);

/// <summary>One line of a timeline phrase: a resource key and its arguments (text, numbers, <see cref="PhraseWord"/>s).</summary>
public sealed record PhraseLine(string Key, params object[] Args);

/// <summary>
/// Timeline texts kept as resource keys and arguments, so a step written by a user in one language reads in the reader's
/// language (<see cref="TimelineEntry.Phrase"/>). Stored as JSON: the resource family and the lines; an argument is a
/// string (as typed), a number, {"k": key} (a word) or [key, …] (words). Entries without a phrase, or with one this
/// version cannot read, show their stored text.
/// </summary>
public static class TimelinePhrases
{
    public const int MaxLength = 4000;

    /// <summary>The phrase to store, or null when it is too long to keep (the text then stands alone).</summary>
    public static string? Write(string family, IEnumerable<PhraseLine> lines)
    {
        var json = new JsonObject
        {
            ["f"] = family,
            ["l"] = new JsonArray([.. lines.Select(line => (JsonNode)new JsonObject
            {
                ["k"] = line.Key,
                ["a"] = new JsonArray([.. line.Args.Select(Arg)]),
            })]),
        }.ToJsonString();
        return json.Length <= MaxLength ? json : null;
    }

    private static JsonNode? Arg(object arg) => arg switch
    {
        PhraseWord word => new JsonObject { ["k"] = word.Key },
        PhraseWords words => new JsonArray([.. words.Keys.Select(k => (JsonNode)JsonValue.Create(k))]),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        _ => JsonValue.Create(Convert.ToString(arg, CultureInfo.InvariantCulture)),
    };

    /// <summary>The entry's text in the current UI language: the phrase when it has one that reads, else the stored text.</summary>
    public static string? Read(IStringLocalizerFactory localizers, TimelineEntry entry) =>
        entry.Phrase is { } phrase && Render(localizers, phrase) is { } text ? text : entry.Text;

    private static readonly IStringLocalizerFactory Resources = new ResourceManagerStringLocalizerFactory(
        Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>The phrase in a given language (a document's reader's, not the signed-in user's), or null when it cannot be read.</summary>
    public static string? RenderIn(string phrase, string language) =>
        Notices.NoticeOutbox.WriteIn(Notices.NoticeOutbox.CultureOf(language), () => Render(Resources, phrase));

    /// <summary>The phrase in the current UI language, or null when it cannot be read (unknown family, broken JSON).</summary>
    public static string? Render(IStringLocalizerFactory localizers, string phrase)
    {
        try
        {
            var root = JsonNode.Parse(phrase);
            var family = root?["f"]?.GetValue<string>();
            var type = family is null ? null : typeof(TimelinePhrases).Assembly.GetType("PropertyHub.Resources." + family);
            if (type is null || root?["l"] is not JsonArray lines)
                return null;
            var text = localizers.Create(type);
            return string.Join("\n", lines.Select(line =>
            {
                var args = (line?["a"] as JsonArray ?? []).Select(a => Value(text, a)).ToArray();
                return text[line!["k"]!.GetValue<string>(), args].Value;
            }));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            return null;
        }
    }

    private static object Value(IStringLocalizer text, JsonNode? arg) => arg switch
    {
        JsonObject word => text[word["k"]!.GetValue<string>()].Value,
        JsonArray words => string.Join(", ", words.Select(w => text[w!.GetValue<string>()].Value)),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>(),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Notices;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// The move-in record (入伙注記) as kept: what was done, as data (document keys, work orders, keys, receipts, the note), so
/// that each reader — the clerk's page, the owner's print in their language — reads its lines in their own language.
/// A record written before it was kept this way is plain text and reads as written.
/// </summary>
public static class MoveInRecordText
{
    public const int MaxLength = 4000;

    private sealed record Kept(List<string> Documents, List<string> Missing, List<int?> WorkOrders, string? Keys, string? Witness, bool ByLink,
        List<string> Receipts, string? Note);

    // Kept readable as stored (Chinese as Chinese, not \u escapes); it is only ever shown as text.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record to keep: the data of its lines (the note cut so the whole fits).</summary>
    public static string Write(IReadOnlyList<MoveInItem> items, IReadOnlyCollection<string> received, IEnumerable<int?> workOrders, string? keys,
        string? witness, IReadOnlyList<string> receipts, string? note)
    {
        var kept = new Kept([.. items.Where(i => received.Contains(i.Key)).Select(i => i.Key)], [.. items.Where(i => !received.Contains(i.Key)).Select(i => i.Key)],
            [.. workOrders], keys, MoveInKeyLinks.ByLink(witness) ? null : witness, MoveInKeyLinks.ByLink(witness), [.. receipts], note);
        var json = JsonSerializer.Serialize(kept, Json);
        return json.Length <= MaxLength || note is null ? json
            : JsonSerializer.Serialize(kept with { Note = note[..Math.Max(0, note.Length - (json.Length - MaxLength))] }, Json);
    }

    /// <summary>
    /// The record's lines in <paramref name="culture"/>; a record kept as plain text, as written. Without
    /// <paramref name="receipts"/> the receipts line is left out (the print lists them in its own table).
    /// </summary>
    public static string? Render(string? record, IStringLocalizer<MoveInText> text, IReadOnlyList<MoveInItem> items, CultureInfo culture, bool receipts = true)
    {
        if (record is null || !record.StartsWith('{'))
            return record;
        Kept? kept;
        try
        {
            kept = JsonSerializer.Deserialize<Kept>(record, Json);
        }
        catch (JsonException)
        {
            return record;
        }
        if (kept is null)
            return record;
        return NoticeOutbox.WriteIn(culture, () =>
        {
            // Names are listed as the language lists them: "、" in Chinese, ", " in English.
            var separator = text["ListSeparator"].Value;
            string Names(List<string> keys) => keys.Count == 0 ? "—"
                : string.Join(separator, keys.Select(k => items.FirstOrDefault(i => i.Key == k)?.In(culture) ?? k));
            var lines = new List<string>
            {
                text["Record.Documents", Names(kept.Documents)],
                text["Record.Missing", Names(kept.Missing)],
                // The work orders in brackets only when there are any (no empty brackets for a house without defects).
                kept.WorkOrders.Count == 0 ? text["Record.DefectsNone", 0]
                    : text["Record.Defects", kept.WorkOrders.Count, string.Join(separator, kept.WorkOrders.Select(w => "#" + w))],
                kept.ByLink ? text["Record.KeysByLink", kept.Keys ?? ""] : text["Record.Keys", kept.Keys ?? "", kept.Witness ?? ""],
            };
            if (receipts)
                lines.Add(text["Record.Receipts", kept.Receipts.Count == 0 ? "—" : string.Join(separator, kept.Receipts)]);
            if (kept.Note is not null)
                lines.Add(text["Record.Note", kept.Note]);
            return string.Join("\n", lines);
        });
    }
}

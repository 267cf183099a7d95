using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// Papers another module puts on an occupant's file as part of its own change (a document ticked at the move-in
/// counter, the key receipt at "move-in completed", a renovation's agreements when the permit is issued). The rows are
/// staged on the caller's context, so the change and the papers on file are saved together or not at all.
/// Filing is part of the caller's action: whoever may do that action may file its papers (the caller demands the
/// action's permission first); nothing here reads the file or opens a scan.
/// </summary>
internal static class FiledPapers
{
    /// <summary>
    /// Stages the paper: a new row beside the papers of the kind already on file (a second renovation's agreement is a
    /// paper of its own, never a replacement), or — when this same source (the same note) filed a paper of the kind before —
    /// that one brought up to date (original or copy, received on and by, and the file when one is given). A paper of the
    /// source that holds another file is never overwritten: a second file (a second drawing, photo or scan of the same
    /// form) is a paper of its own beside it, and the same file again is the paper that holds it. With
    /// <paramref name="keepExisting"/>, nothing is added when a paper of the kind is already on file (a tick at the counter
    /// for a paper recorded with more care). A kind that does not exist, or is retired with nothing on file, is left out: false.
    /// </summary>
    public static async Task<bool> StageAsync(AppDbContext db, PaperForFile paper, string receivedBy, CancellationToken ct, bool keepExisting = false)
    {
        CheckPrintLink(paper.PrintLink);
        var note = Clip(paper.SourceNote);
        if (keepExisting && (db.OccupantDocuments.Local.Any(d => d.OccupantId == paper.OccupantId && d.KindId == paper.KindId)
                || await db.OccupantDocuments.AnyAsync(d => d.OccupantId == paper.OccupantId && d.KindId == paper.KindId, ct)))
            return true;
        var fileId = paper.FileId;
        // The source's papers of the kind as this context sees them: loaded into it, with those staged or changed in this save.
        await db.OccupantDocuments.Where(d => d.OccupantId == paper.OccupantId && d.KindId == paper.KindId && d.SourceNote == note).LoadAsync(ct);
        var document = db.OccupantDocuments.Local
            .Where(d => d.OccupantId == paper.OccupantId && d.KindId == paper.KindId && d.SourceNote == note && (fileId is null || d.FileId is null || d.FileId == fileId))
            .OrderBy(d => d.FileId == fileId ? 0 : 1).ThenBy(d => d.Id <= 0 ? int.MaxValue : d.Id).FirstOrDefault();
        if (document is null)
        {
            if (await db.DocumentKinds.AsNoTracking().Where(k => k.Id == paper.KindId).Select(k => (bool?)k.Retired).FirstOrDefaultAsync(ct) is not false)
                return false;
            document = new OccupantDocument { OccupantId = paper.OccupantId, KindId = paper.KindId, ReceivedBy = receivedBy };
            db.OccupantDocuments.Add(document);
        }
        document.IsOriginal = paper.IsOriginal;
        document.ReceivedOn = paper.ReceivedOn;
        document.ReceivedBy = Clip(receivedBy);
        document.SourceNote = note;
        if (fileId is not null)
            document.FileId = fileId;
        if (paper.PrintLink is not null)
            document.PrintLink = paper.PrintLink;
        return true;
    }

    /// <summary>
    /// Takes back a paper this source put on file and nobody has touched since (same note in any language, no scan): an unticked
    /// document at the counter is no longer on file. A paper recorded otherwise stays.
    /// </summary>
    public static async Task WithdrawAsync(AppDbContext db, int occupantId, int kindId, IReadOnlyList<string> sourceNotes, CancellationToken ct)
    {
        var document = await db.OccupantDocuments.FirstOrDefaultAsync(d => d.OccupantId == occupantId && d.KindId == kindId
            && d.SourceNote != null && sourceNotes.Contains(d.SourceNote) && d.FileId == null, ct);
        if (document is not null)
            db.OccupantDocuments.Remove(document);
    }

    /// <summary>A source note as written in each of the three languages (the clerk's language may differ from the one that filed it).</summary>
    public static IReadOnlyList<string> InEveryLanguage(Func<string> note)
    {
        var was = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            return [.. new[] { "en", "zh-Hans", "zh-Hant" }.Select(name =>
            {
                System.Globalization.CultureInfo.CurrentUICulture = new(name);
                return Clip(note());
            })];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = was;
        }
    }

    /// <summary>A print link is a local address of the app (never another site's), as long as the file keeps: anything else is the caller's mistake.</summary>
    internal static void CheckPrintLink(string? link)
    {
        if (link is not null && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\')
                || link.Length > OccupantDocumentConfiguration.PrintLinkLength))
            throw new ArgumentException("A print link is a local address of the app.", nameof(link));
    }

    /// <summary>A note or name cut to what the file keeps.</summary>
    public static string Clip(string text) =>
        text.Length > OccupantDocumentConfiguration.TextLength ? text[..OccupantDocumentConfiguration.TextLength] : text;
}

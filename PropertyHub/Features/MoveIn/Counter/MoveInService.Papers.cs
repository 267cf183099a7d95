using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.OccupantFile.Documents;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// The move-in's papers on the occupant's file (一戶一檔): staged on the move-in's own context, so the tick or the
/// completion and the papers on file are saved in one go — a failed write of the file leaves the move-in unchanged too.
/// </summary>
public sealed partial class MoveInService
{
    /// <summary>
    /// The ticked documents that have a kind on the checklist go on file (a paper already there is left as it is);
    /// an unticked one comes off again if this move-in put it there and nobody has added a scan since.
    /// </summary>
    private async Task StageTicksAsync(AppDbContext db, UnitMoveIn moveIn, IReadOnlyCollection<string> added, IReadOnlyCollection<string> removed,
        string who, CancellationToken ct)
    {
        var items = options.Value.Documents;
        var ticked = moveIn.Documents.Select(d => d.Key).ToHashSet();
        var (note, notes) = await SourceNotesAsync(db, moveIn, ct);
        var today = estateTime.LocalDate(moveIn.EstateId, clock.GetUtcNow());
        foreach (var item in items.Where(i => i.FileKind is not null && added.Contains(i.Key)))
            await FiledPapers.StageAsync(db, new PaperForFile(moveIn.OccupantId, item.FileKind!.Value, item.FileOriginal, today, null, note), who, ct, keepExisting: true);
        // A kind stays on file while another ticked document is filed as it.
        var stillFiled = items.Where(i => ticked.Contains(i.Key)).Select(i => i.FileKind).ToHashSet();
        foreach (var kind in items.Where(i => removed.Contains(i.Key) && i.FileKind is not null && !stillFiled.Contains(i.FileKind)).Select(i => i.FileKind!.Value).Distinct())
            await FiledPapers.WithdrawAsync(db, moveIn.OccupantId, kind, notes, ct);
    }

    /// <summary>
    /// At "move-in completed": the key receipt (鑰匙簽收表) the owner signed and the house inspection form (房屋驗收表)
    /// go on file as originals, and the 代辦服務委託書 when the owner signed one for a proxy service of the unit.
    /// </summary>
    private async Task StageCompletionAsync(AppDbContext db, UnitMoveIn moveIn, string who, CancellationToken ct)
    {
        var (note, _) = await SourceNotesAsync(db, moveIn, ct);
        var day = moveIn.MovedInOn!.Value;
        await FiledPapers.StageAsync(db, new PaperForFile(moveIn.OccupantId, StandardDocumentKinds.KeyReceipt, true, day, null, note), who, ct);
        await FiledPapers.StageAsync(db, new PaperForFile(moveIn.OccupantId, StandardDocumentKinds.HomeAcceptance, true, day, null, note), who, ct);
        if (await db.ProxyServices.AnyAsync(p => p.UnitId == moveIn.UnitId && p.OccupantId == moveIn.OccupantId && p.SignedAt != null, ct))
            await FiledPapers.StageAsync(db, new PaperForFile(moveIn.OccupantId, StandardDocumentKinds.AgencyAuthorisation, true, day, null, note), who, ct,
                keepExisting: true);
    }

    /// <summary>The note the move-in's papers carry ("Move-in 1-101 (#12)"), and as written in each language.</summary>
    private async Task<(string Note, IReadOnlyList<string> Notes)> SourceNotesAsync(AppDbContext db, UnitMoveIn moveIn, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == moveIn.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync(ct);
        return (FiledPapers.Clip(papers["MoveInSource", unit, moveIn.Id]), FiledPapers.InEveryLanguage(() => papers["MoveInSource", unit, moveIn.Id]));
    }
}

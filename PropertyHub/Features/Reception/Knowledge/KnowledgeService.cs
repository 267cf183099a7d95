using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Reception.IntakeDesk;
using PropertyHub.Resources;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception.Knowledge;

/// <summary>
/// The information archive (信息檔案, P3 4.1.2): clerks search it while the occupant waits; supervisors, managers and
/// administrators keep it up to date. Changes are checked against the version the editor saw.
/// </summary>
public sealed class KnowledgeService(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    FeeAnswers feeAnswers,
    IStringLocalizer<ReceptionText> text,
    ILogger<KnowledgeService> logger)
{
    /// <summary>At most this many hits: the search is type-ahead.</summary>
    public const int MaxHits = 20;

    /// <summary>Entries whose title, answer, keywords or phone contain every word of the query, the fee answers included.</summary>
    public async Task<IReadOnlyList<KnowledgeView>> SearchAsync(int estateId, string? query, CancellationToken ct = default)
    {
        var words = (query ?? "").Split(' ', '　', ',', '，').Select(w => w.Trim()).Where(w => w.Length > 0).Take(5).ToList();
        if (words.Count == 0 || words.Any(w => w.Length > 100))
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.KnowledgeEntries.AsNoTracking().Where(k => k.EstateId == estateId);
        foreach (var word in words)
            entries = entries.Where(k => k.Title.Contains(word) || k.Answer.Contains(word) || k.Keywords!.Contains(word) || k.Phone!.Contains(word));
        var stored = await entries
            .OrderBy(k => k.Title.Contains(words[0]) ? 0 : 1).ThenBy(k => k.Category).ThenBy(k => k.Title)
            .Take(MaxHits).Select(View).ToListAsync(ct);
        var fees = (await feeAnswers.ForEstateAsync(estateId, ct)).Where(f => words.All(f.Contains));
        return stored.Concat(fees)
            .OrderBy(k => k.Title.Contains(words[0], StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(k => k.Category)
            .ThenBy(k => k.Title, StringComparer.Ordinal).Take(MaxHits).ToList();
    }

    /// <summary>All entries of an estate, or of one category, by category and title; the fee answers first among the fees.</summary>
    public async Task<IReadOnlyList<KnowledgeView>> ListAsync(int estateId, KnowledgeCategory? category = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.KnowledgeEntries.AsNoTracking()
            .Where(k => k.EstateId == estateId && (category == null || k.Category == category))
            .OrderBy(k => k.Category).ThenBy(k => k.Title).Select(View).ToListAsync(ct);
        if (category is not (null or KnowledgeCategory.FeeStandard))
            return stored;
        var fees = await feeAnswers.ForEstateAsync(estateId, ct);
        return stored.Where(k => k.Category < KnowledgeCategory.FeeStandard).Concat(fees)
            .Concat(stored.Where(k => k.Category >= KnowledgeCategory.FeeStandard)).ToList();
    }

    public async Task<KnowledgeView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.KnowledgeEntries.AsNoTracking().Where(k => k.Id == id).Select(View).SingleOrDefaultAsync(ct);
    }

    /// <summary>Creates the entry (Id 0) or changes it if nobody changed it since the version in the form.</summary>
    public async Task<KnowledgeResult> SaveAsync(KnowledgeForm form, CancellationToken ct = default)
    {
        if (await DeniedAsync(ct) is { } denied)
            return denied;
        var errors = KnowledgeRules.Check(form, text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (form.Id == 0 && !await db.Estates.AnyAsync(e => e.Id == form.EstateId, ct))
            errors.Add(new FieldMessage(nameof(form.EstateId), text["Archive.EstateUnknown"]));
        if (errors.Count > 0)
            return KnowledgeResult.Invalid(errors);

        KnowledgeEntry entry;
        if (form.Id == 0)
        {
            entry = new KnowledgeEntry { EstateId = form.EstateId, Title = "", Answer = "" };
            db.KnowledgeEntries.Add(entry);
        }
        else
        {
            var found = await db.KnowledgeEntries.SingleOrDefaultAsync(k => k.Id == form.Id, ct);
            if (found is null)
                return KnowledgeResult.NotFound(text["Archive.NotFound"]);
            entry = found;
            db.Entry(entry).Property(k => k.Version).OriginalValue = form.Version;
        }
        entry.Category = form.Category;
        entry.Title = Clean(form.Title)!;
        entry.Answer = Clean(form.Answer)!;
        entry.Phone = Registry.TypedText.Digits(form.Phone);
        entry.Keywords = Clean(form.Keywords);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Archive entry {EntryId} changed by someone else; not saved", form.Id);
            return KnowledgeResult.Conflict(await GetAsync(form.Id, ct), text["ChangedMeanwhile"]);
        }
        logger.LogInformation("Archive entry {EntryId} saved", entry.Id);
        return KnowledgeResult.Done(await GetAsync(entry.Id, ct));
    }

    /// <summary>Deletes the entry if nobody changed it since <paramref name="version"/>. Items answered from it keep their answer text on their timeline.</summary>
    public async Task<KnowledgeResult> DeleteAsync(int id, int version, CancellationToken ct = default)
    {
        if (await DeniedAsync(ct) is { } denied)
            return denied;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.KnowledgeEntries.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (entry is null)
            return KnowledgeResult.NotFound(text["Archive.NotFound"]);
        if (entry.Version != version)
            return KnowledgeResult.Conflict(await GetAsync(id, ct), text["ChangedMeanwhile"]);
        db.Entry(entry).Property(k => k.Version).OriginalValue = version;
        db.KnowledgeEntries.Remove(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return KnowledgeResult.Conflict(await GetAsync(id, ct), text["ChangedMeanwhile"]);
        }
        logger.LogInformation("Archive entry {EntryId} deleted", id);
        return KnowledgeResult.Done(null);
    }

    private async Task<KnowledgeResult?> DeniedAsync(CancellationToken ct) =>
        await permissions.AllowsAsync(Can.MaintainArchive, ct)
            ? null
            : new KnowledgeResult(ReceptionOutcome.Invalid, null, [new FieldMessage("", text["Archive.Denied"])]);

    private static readonly System.Linq.Expressions.Expression<Func<KnowledgeEntry, KnowledgeView>> View =
        k => new KnowledgeView(k.Id, k.EstateId, k.Category, k.Title, k.Answer, k.Phone, k.Keywords, k.Version);

    private static string? Clean(string? value) => Registry.TypedText.Text(value);
}

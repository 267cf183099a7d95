using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Surveys.Templates;

/// <summary>
/// The manager's editor of the evaluation form (P1§11): templates and their items. Exactly one template is active (the
/// quarterly duty issues it). Items are archived, never deleted, since past answers refer to them. Every change is
/// checked against the Version the manager saw; the entities are audited by the context.
/// </summary>
public sealed class SurveyTemplateService(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, ILogger<SurveyTemplateService> logger)
{
    public const string NotAllowed = "NotAllowed";

    /// <summary>All templates with all their items (archived too), the active one first.</summary>
    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken ct = default)
    {
        if (!await AllowedAsync())
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.SurveyTemplates.AsNoTracking().Include(t => t.Items).ToListAsync(ct);
        return [.. templates.OrderByDescending(t => t.IsActive).ThenBy(t => t.Id).Select(ToView)];
    }

    public async Task<TemplateView?> GetAsync(int templateId, CancellationToken ct = default)
    {
        if (!await AllowedAsync())
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, templateId, ct);
    }

    /// <summary>A new, inactive template holding copies of the active template's asked items.</summary>
    public async Task<TemplateResult> CreateAsync(string? name, CancellationToken ct = default)
    {
        if (!await AllowedAsync())
            return TemplateResult.Fail(NotAllowed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckNameAsync(db, name, exceptId: null, ct) is { } invalid)
            return invalid;
        var active = await db.SurveyTemplates.AsNoTracking().Include(t => t.Items)
            .Where(t => t.IsActive).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        var order = 0;
        var template = new SurveyTemplate
        {
            Name = name!.Trim(),
            IsActive = false,
            Items = [.. (active?.Items ?? []).Where(i => !i.IsArchived).OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => new SurveyItem
            {
                Code = i.Code,
                NameHans = i.NameHans,
                NameHant = i.NameHant,
                NameEn = i.NameEn,
                Department = i.Department,
                Order = ++order,
            })],
        };
        db.SurveyTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Survey template {TemplateId} created with {Count} items", template.Id, template.Items.Count);
        return TemplateResult.Ok(ToView(template));
    }

    public Task<TemplateResult> RenameAsync(int templateId, int seenVersion, string? name, CancellationToken ct = default) =>
        ChangeTemplateAsync(templateId, seenVersion, async (db, template) =>
        {
            if (await CheckNameAsync(db, name, templateId, ct) is { } invalid)
                return invalid;
            template.Name = name!.Trim();
            return null;
        }, ct);

    /// <summary>Makes the template the one the quarterly duty issues; every other template becomes inactive.</summary>
    public Task<TemplateResult> ActivateAsync(int templateId, int seenVersion, CancellationToken ct = default) =>
        ChangeTemplateAsync(templateId, seenVersion, async (db, template) =>
        {
            if (template.Items.All(i => i.IsArchived))
                return TemplateResult.Fail("ActivateWithoutItems");
            foreach (var other in await db.SurveyTemplates.Where(t => t.IsActive && t.Id != templateId).ToListAsync(ct))
                other.IsActive = false;
            template.IsActive = true;
            return null;
        }, ct);

    /// <summary>Adds an item at the end of the template.</summary>
    public async Task<TemplateResult> AddItemAsync(int templateId, int seenTemplateVersion, ItemDraft draft, CancellationToken ct = default)
    {
        if (!await AllowedAsync())
            return TemplateResult.Fail(NotAllowed);
        var errors = SurveyItemRules.Check(draft, withCode: true);
        if (errors.Count > 0)
            return TemplateResult.Invalid(errors);
        var code = draft.Code!.Trim();
        return await ChangeTemplateAsync(templateId, seenTemplateVersion, (_, template) =>
        {
            if (template.Items.Any(i => i.Code == code))
                return Task.FromResult<TemplateResult?>(TemplateResult.Invalid(new Dictionary<string, string> { [SurveyItemRules.CodeField] = "CodeTaken" }));
            var item = new SurveyItem { Code = code, NameHans = "", NameHant = "", NameEn = "" };
            Apply(item, draft);
            item.Order = template.Items.Select(i => i.Order).DefaultIfEmpty(0).Max() + 1;
            template.Items.Add(item);
            return Task.FromResult<TemplateResult?>(null);
        }, ct);
    }

    /// <summary>Changes an item's three names and its department (its code stays: exports and past answers use it).</summary>
    public async Task<TemplateResult> EditItemAsync(int itemId, int seenVersion, ItemDraft draft, CancellationToken ct = default)
    {
        if (!await AllowedAsync())
            return TemplateResult.Fail(NotAllowed);
        var errors = SurveyItemRules.Check(draft, withCode: false);
        if (errors.Count > 0)
            return TemplateResult.Invalid(errors);
        return await ChangeItemAsync(itemId, seenVersion, (_, item) =>
        {
            Apply(item, draft);
            return null;
        }, ct);
    }

    /// <summary>Swaps the item with the one before (up) or after it.</summary>
    public Task<TemplateResult> MoveItemAsync(int itemId, int seenVersion, bool up, CancellationToken ct = default) =>
        ChangeItemAsync(itemId, seenVersion, (template, item) =>
        {
            var ordered = template.Items.OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
            var at = ordered.IndexOf(item);
            var to = up ? at - 1 : at + 1;
            if (to < 0 || to >= ordered.Count)
                return null;
            (ordered[at], ordered[to]) = (ordered[to], ordered[at]);
            for (var i = 0; i < ordered.Count; i++)
                ordered[i].Order = i + 1;
            return null;
        }, ct);

    /// <summary>Archives (no longer asked) or brings back an item. The active template keeps at least one asked item.</summary>
    public Task<TemplateResult> SetArchivedAsync(int itemId, int seenVersion, bool archived, CancellationToken ct = default) =>
        ChangeItemAsync(itemId, seenVersion, (template, item) =>
        {
            if (archived && template.IsActive && !item.IsArchived && template.Items.Count(i => !i.IsArchived) == 1)
                return TemplateResult.Fail("LastItemOfActive");
            item.IsArchived = archived;
            return null;
        }, ct);

    private Task<bool> AllowedAsync() => permissions.AllowsAsync(Can.EditSurveyTemplates);

    private async Task<TemplateResult> ChangeTemplateAsync(
        int templateId, int seenVersion, Func<AppDbContext, SurveyTemplate, Task<TemplateResult?>> change, CancellationToken ct)
    {
        if (!await AllowedAsync())
            return TemplateResult.Fail(NotAllowed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.SurveyTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
            return TemplateResult.Fail("TemplateNotFound");
        if (template.Version != seenVersion)
            return TemplateResult.Stale(ToView(template));
        if (await change(db, template) is { } refused)
            return refused;
        // The template's Version guards its item list too: adding an item counts as a change of the template.
        db.Entry(template).Property(t => t.Version).OriginalValue = seenVersion;
        db.Entry(template).Property(t => t.Version).IsModified = true;
        return await SaveAsync(db, templateId, ct);
    }

    private async Task<TemplateResult> ChangeItemAsync(
        int itemId, int seenVersion, Func<SurveyTemplate, SurveyItem, TemplateResult?> change, CancellationToken ct)
    {
        if (!await AllowedAsync())
            return TemplateResult.Fail(NotAllowed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templateId = await db.SurveyItems.Where(i => i.Id == itemId).Select(i => (int?)i.TemplateId).SingleOrDefaultAsync(ct);
        if (templateId is null)
            return TemplateResult.Fail("ItemNotFound");
        var template = await db.SurveyTemplates.Include(t => t.Items).SingleAsync(t => t.Id == templateId, ct);
        var item = template.Items.Single(i => i.Id == itemId);
        if (item.Version != seenVersion)
            return TemplateResult.Stale(ToView(template));
        db.Entry(item).Property(i => i.Version).OriginalValue = seenVersion;
        if (change(template, item) is { } refused)
            return refused;
        return await SaveAsync(db, templateId.Value, ct);
    }

    private async Task<TemplateResult> SaveAsync(AppDbContext db, int templateId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Survey template {TemplateId} changed by someone else; not saved", templateId);
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return TemplateResult.Stale(await ReadAsync(fresh, templateId, ct));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Someone added the same code a moment ago.
            return TemplateResult.Invalid(new Dictionary<string, string> { [SurveyItemRules.CodeField] = "CodeTaken" });
        }
        logger.LogInformation("Survey template {TemplateId} changed", templateId);
        await using var after = await dbFactory.CreateDbContextAsync(ct);
        return TemplateResult.Ok(await ReadAsync(after, templateId, ct));
    }

    private static async Task<TemplateResult?> CheckNameAsync(AppDbContext db, string? name, int? exceptId, CancellationToken ct)
    {
        if (SurveyItemRules.CheckTemplateName(name) is { } error)
            return TemplateResult.Invalid(new Dictionary<string, string> { [SurveyItemRules.TemplateNameField] = error });
        var clean = name!.Trim();
        if (await db.SurveyTemplates.AnyAsync(t => t.Name == clean && t.Id != exceptId, ct))
            return TemplateResult.Invalid(new Dictionary<string, string> { [SurveyItemRules.TemplateNameField] = "TemplateNameTaken" });
        return null;
    }

    private static void Apply(SurveyItem item, ItemDraft draft)
    {
        item.NameHans = draft.NameHans!.Trim();
        item.NameHant = draft.NameHant!.Trim();
        item.NameEn = draft.NameEn!.Trim();
        item.Department = draft.Department;
    }

    private static async Task<TemplateView?> ReadAsync(AppDbContext db, int templateId, CancellationToken ct)
    {
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Items).SingleOrDefaultAsync(t => t.Id == templateId, ct);
        return template is null ? null : ToView(template);
    }

    private static TemplateView ToView(SurveyTemplate t) => new(t.Id, t.Name, t.IsActive, t.Version,
        [.. t.Items.OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => new ItemView(
            i.Id, i.Code, i.NameHans, i.NameHant, i.NameEn, i.Department, i.Order, i.IsArchived, i.Version))]);
}

using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Surveys.Templates;

/// <summary>A template as the manager sees it; the Version goes back with the change.</summary>
public sealed record TemplateView(int Id, string Name, bool IsActive, int Version, IReadOnlyList<ItemView> Items)
{
    /// <summary>The items the form asks (not archived), in order.</summary>
    public IEnumerable<ItemView> AskedItems => Items.Where(i => !i.IsArchived);
}

/// <summary>One item of a template as the manager sees it.</summary>
public sealed record ItemView(
    int Id, string Code, string NameHans, string NameHant, string NameEn, Department Department, int Order, bool IsArchived, int Version)
{
    public string NameIn(string culture) =>
        new SurveyItem { Code = Code, NameHans = NameHans, NameHant = NameHant, NameEn = NameEn }.NameIn(culture);
}

/// <summary>What the manager typed for an item. The code is only used when the item is added.</summary>
public sealed class ItemDraft
{
    public string? Code { get; set; }
    public string? NameHans { get; set; }
    public string? NameHant { get; set; }
    public string? NameEn { get; set; }
    public Department Department { get; set; } = Department.Property;

    public static ItemDraft From(ItemView item) => new()
    {
        Code = item.Code,
        NameHans = item.NameHans,
        NameHant = item.NameHant,
        NameEn = item.NameEn,
        Department = item.Department,
    };
}

/// <summary>
/// The outcome of a change: saved; refused (Error and FieldErrors are SurveyTemplateText keys, nothing written); or a
/// conflict with someone else's change (nothing written; show SharedText "ConcurrencyConflict" and reload).
/// <see cref="Template"/> is the template as stored after the attempt, when known.
/// </summary>
public sealed record TemplateResult(bool Saved, string? Error, IReadOnlyDictionary<string, string> FieldErrors, bool Conflict, TemplateView? Template)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public static TemplateResult Ok(TemplateView? template) => new(true, null, NoErrors, false, template);

    public static TemplateResult Fail(string error) => new(false, error, NoErrors, false, null);

    public static TemplateResult Invalid(IReadOnlyDictionary<string, string> fieldErrors) => new(false, null, fieldErrors, false, null);

    public static TemplateResult Stale(TemplateView? template) => new(false, null, NoErrors, true, template);
}

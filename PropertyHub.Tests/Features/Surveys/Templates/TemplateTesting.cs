using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Templates;

namespace PropertyHub.Tests.Features.Surveys.Templates;

/// <summary>Runs the template service as a demo user and reads what was stored.</summary>
internal static class TemplateTesting
{
    public static async Task<T> EditAsync<T>(this AppFactory factory, Func<SurveyTemplateService, Task<T>> action, string role = Roles.Manager)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<SurveyTemplateService>()));
        return result;
    }

    /// <summary>A new inactive template (a copy of the active one's items) with a unique name.</summary>
    public static async Task<TemplateView> NewTemplateAsync(this AppFactory factory)
    {
        var result = await factory.EditAsync(s => s.CreateAsync($"Draft {Guid.NewGuid():N}"[..20]));
        Assert.True(result.Saved, result.Error);
        return result.Template!;
    }

    public static ItemDraft Draft(string code = "parking", string hans = "停车管理", string hant = "停車管理", string en = "Parking",
        Department department = Department.Security) =>
        new() { Code = code, NameHans = hans, NameHant = hant, NameEn = en, Department = department };

    public static async Task<SurveyTemplate> StoredAsync(this AppFactory factory, int templateId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.SurveyTemplates.AsNoTracking().Include(t => t.Items).SingleAsync(t => t.Id == templateId);
    }

    public static async Task<SurveyTemplate> ActiveAsync(this AppFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.SurveyTemplates.AsNoTracking().Include(t => t.Items).SingleAsync(t => t.IsActive);
    }

    /// <summary>Codes of the template's asked items in order, as a form asks them.</summary>
    public static List<string> AskedCodes(this SurveyTemplate template) =>
        [.. template.Items.Where(i => !i.IsArchived).OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => i.Code)];
}

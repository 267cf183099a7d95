using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Surveys;

/// <summary>The evaluation form every installation starts with (P1§11.1); the manager can change it.</summary>
public sealed class StandardSurveyTemplate(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions)
{
    public static SurveyTemplate Create() => new()
    {
        Name = "业户评议表",
        IsActive = true,
        Items =
        [
            Item(1, "reception", "客服接待", "客服接待", "Reception", Department.CustomerService),
            Item(2, "security", "安全护卫", "安全護衛", "Security", Department.Security),
            Item(3, "cleaning", "清洁卫生", "清潔衛生", "Cleaning", Department.Property),
            Item(4, "greening", "绿化养护", "綠化養護", "Greening", Department.Property),
            Item(5, "repairs", "维修服务", "維修服務", "Repairs", Department.Engineering),
            Item(6, "fees", "收费透明", "收費透明", "Fee transparency", Department.Finance),
        ],
    };

    /// <summary>Creates the standard template when there is none at all.</summary>
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SetUpDatabase, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.SurveyTemplates.AnyAsync(ct))
            return;
        db.SurveyTemplates.Add(Create());
        await db.SaveChangesAsync(ct);
    }

    private static SurveyItem Item(int order, string code, string hans, string hant, string en, Department department) =>
        new() { Order = order, Code = code, NameHans = hans, NameHant = hant, NameEn = en, Department = department };
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Reception;

namespace PropertyHub.Tests.Features.OccupantFile;

public sealed record VipCandidate(int OccupantId, int UnitId, int EstateId);

public static class VipTesting
{
    /// <summary>The <paramref name="skip"/>-th occupant of the demo estate (each test takes its own).</summary>
    public static async Task<VipCandidate> OccupantAsync(ReceptionApp app, int skip)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Occupants.OrderBy(o => o.Id).Skip(skip)
            .Select(o => new VipCandidate(o.Id, o.UnitId, o.Unit!.Building!.EstateId)).FirstAsync();
    }

    public static Task<string> UserIdAsync(ReceptionApp app, string role) =>
        app.InScope(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(role)))!.Id);

    /// <summary>Today in Shanghai on the app's clock.</summary>
    public static DateOnly Today(ReceptionApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static Task<PropertyHub.Features.Registry.SaveResult<VipForm>> SaveAsync(ReceptionApp app, string role, VipForm form) =>
        app.InScopeAs(role, sp => sp.GetRequiredService<VipService>().SaveAsync(form));

    public static async Task<(int Profiles, bool IsVip)> StoredAsync(ReceptionApp app, int occupantId)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.VipProfiles.CountAsync(v => v.OccupantId == occupantId), await db.Occupants.Where(o => o.Id == occupantId).Select(o => o.IsVip).SingleAsync());
    }
}

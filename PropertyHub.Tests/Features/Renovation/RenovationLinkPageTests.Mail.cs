using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

public sealed partial class RenovationLinkPageTests
{
    [Fact]
    public async Task TheSigningMail_GreetsTheOwnerByName_AndNamesTheUnitAndEstate_InTheirLanguage()
    {
        var id = await renovations.ApprovedAsync();
        string owner, unit, estate;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var a = await db.RenovationApplications.SingleAsync(x => x.Id == id);
            var occupant = await db.Occupants.SingleAsync(o => o.Id == a.OccupantId);
            occupant.PreferredLanguage = "en";
            await db.SaveChangesAsync();
            owner = occupant.Name;
            var u = await db.Units.Where(x => x.Id == a.UnitId).Select(x => new { A = x.Building!.Code + "-" + x.Number, E = x.Building.Estate!.Name }).SingleAsync();
            (unit, estate) = (u.A, u.E);
        }

        await factory.AsAsync(Roles.Clerk, async sp => Assert.True((await sp.GetRequiredService<RenovationLinks>().SendAsync(id, RenovationParty.Owner)).Ok));

        await using var check = await factory.CreateDbContextAsync();
        var notice = await check.Notices.Where(n => n.SourceKey.StartsWith($"renovation-sign:{id}:Owner:")).FirstAsync();
        Assert.StartsWith($"Dear {owner},", notice.Body);
        Assert.Contains($"unit {unit}, {estate}", notice.Body);
        Assert.Contains(unit, notice.Subject);
    }
}

using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Tests.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Audit;

public sealed class AuditTrailTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>Has the demo clerk change an occupant's phone and ID number; returns the occupant before the change.</summary>
    private async Task<(Occupant Before, string NewPhone, string NewId)> ChangeOccupantAsync(int skip)
    {
        await using var db = await factory.CreateDbContextAsync();
        var before = await db.Occupants.AsNoTracking().Where(o => o.Kind == OccupantKind.Person && o.IdNumber != null).OrderBy(o => o.Id).Skip(skip).FirstAsync();
        var newPhone = "1371234" + (5000 + skip).ToString(CultureInfo.InvariantCulture);
        var first17 = "35010219900101" + (100 + skip).ToString(CultureInfo.InvariantCulture);
        var newId = first17 + IdNumbers.CheckCharacter(first17);
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var form = (await registry.GetOccupantFormAsync(before.Id))!;
            form.Phone = newPhone;
            form.IdNumber = newId;
            form.IsVip = true;
            Assert.Equal(SaveOutcome.Saved, (await registry.SaveOccupantAsync(form)).Outcome);
        });
        return (before, newPhone, newId);
    }

    private async Task<int> EstateOfAsync(Occupant occupant)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Units.Where(u => u.Id == occupant.UnitId).Select(u => u.Building!.EstateId).SingleAsync();
    }

    [Fact]
    public async Task AuditQueries_ChangedPhoneAndId_MaskedForEveryoneAndTimeInEstateZone()
    {
        var (before, newPhone, newId) = await ChangeOccupantAsync(3);
        var estateId = await EstateOfAsync(before);
        await factory.AsAsync(Roles.Admin, async (_, sp) =>
        {
            var trail = await sp.GetRequiredService<AuditQueries>().GetTrailAsync(nameof(Occupant), before.Id, estateId);
            var changed = trail.First(e => e.Action == AuditAction.Changed);
            var phone = Assert.Single(changed.Changes, c => c.Field == nameof(Occupant.Phone));
            Assert.Equal((Phones.Mask(before.Phone), Phones.Mask(newPhone)), (phone.Old, phone.New));
            var id = Assert.Single(changed.Changes, c => c.Field == nameof(Occupant.IdNumber));
            Assert.Equal((IdNumbers.Mask(before.IdNumber), IdNumbers.Mask(newId)), (id.Old, id.New));
            var vip = Assert.Single(changed.Changes, c => c.Field == nameof(Occupant.IsVip));
            Assert.Equal("True", vip.New);
            Assert.Equal(TimeSpan.FromHours(8), changed.At.Offset); // Asia/Shanghai
            Assert.Equal("王小芳", changed.UserName);
        });
    }

    [Fact]
    public async Task AuditTrail_PhoneChangeInChinese_ShowsLocalizedFieldAndMaskedValuesOnly()
    {
        var (before, newPhone, newId) = await ChangeOccupantAsync(4);
        var estateId = await EstateOfAsync(before);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            await factory.WithScopeAsync(async sp =>
            {
                await using var ctx = new BunitContext();
                ctx.JSInterop.Mode = JSRuntimeMode.Loose;
                ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
                ctx.Services.AddLocalization();
                ctx.Services.AddSingleton(new AuditQueries(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<EstateTime>()));
                var trail = ctx.Render<AuditTrail>(p => p.Add(t => t.EntityType, nameof(Occupant)).Add(t => t.EntityId, before.Id).Add(t => t.EstateId, estateId));
                trail.WaitForElement("[data-testid='audit-entry']");

                var markup = trail.Markup;
                Assert.DoesNotContain(newPhone, markup);
                Assert.DoesNotContain(before.Phone!, markup);
                Assert.DoesNotContain(newId, markup);
                Assert.DoesNotContain(before.IdNumber!, markup);
                var phoneLine = trail.FindAll("[data-testid='audit-change']").Select(e => e.TextContent)
                    .Single(t => t.StartsWith("电话:", StringComparison.Ordinal) && t.Contains('→'));
                Assert.Contains(Phones.Mask(before.Phone), phoneLine);
                Assert.Contains(Phones.Mask(newPhone), phoneLine);
                Assert.Contains(trail.FindAll("[data-testid='audit-change']"), e => e.TextContent.Contains("证件号码") && e.TextContent.Contains(IdNumbers.Mask(newId)));
                Assert.Contains("修改", markup);
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

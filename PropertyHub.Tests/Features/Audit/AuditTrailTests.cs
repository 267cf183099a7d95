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
            form.VipNotes = "业委会委员";
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
            var trail = await sp.GetRequiredService<AuditQueries>().PageAsync(nameof(Occupant), before.Id, estateId, null, new PageRequest(0, 10));
            var changed = trail.Rows.First(e => e.Action == AuditAction.Changed);
            var phone = Assert.Single(changed.Changes, c => c.Field == nameof(Occupant.Phone));
            Assert.Equal((Phones.Mask(before.Phone), Phones.Mask(newPhone)), (phone.Old, phone.New));
            var id = Assert.Single(changed.Changes, c => c.Field == nameof(Occupant.IdNumber));
            Assert.Equal((IdNumbers.Mask(before.IdNumber), IdNumbers.Mask(newId)), (id.Old, id.New));
            var notes = Assert.Single(changed.Changes, c => c.Field == nameof(Occupant.VipNotes));
            Assert.Equal("业委会委员", notes.New);
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

    /// <summary>Writes a unit's trail by hand (the <paramref name="skip"/>th unit from the last): created at 08:00 UTC on 1 July, then changed every hour (its area 60, 61, …).</summary>
    private async Task<(int UnitId, int EstateId)> UnitWithChangesAsync(int changes, int skip)
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().OrderByDescending(u => u.Id).Skip(skip).Select(u => new { u.Id, u.Building!.EstateId }).FirstAsync();
        // Only these entries: the demo seeding's own "created" entry goes.
        await db.AuditEntries.Where(a => a.EntityType == nameof(Unit) && a.EntityId == unit.Id).ExecuteDeleteAsync();
        var start = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(Unit), EntityId = unit.Id, Action = AuditAction.Created, UserName = "李四", At = start,
            Changes = [new AuditChange { Field = nameof(Unit.Area), New = "60" }],
        });
        for (var i = 1; i <= changes; i++)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                EntityType = nameof(Unit), EntityId = unit.Id, Action = AuditAction.Changed, UserName = "李四", At = start.AddHours(i),
                Changes = [new AuditChange { Field = nameof(Unit.Area), Old = (59 + i).ToString(CultureInfo.InvariantCulture), New = (60 + i).ToString(CultureInfo.InvariantCulture) }],
            });
        }
        await db.SaveChangesAsync();
        return (unit.Id, unit.EstateId);
    }

    [Fact]
    public async Task AuditQueries_SecondPage_NewestFirstOrOldestFirst_TotalCountsTheWholeFilter()
    {
        var (unitId, estateId) = await UnitWithChangesAsync(12, skip: 0);
        Slice<AuditEntryView> second = null!, oldest = null!, created = null!;
        await factory.AsAsync(Roles.Manager, async (_, sp) =>
        {
            var queries = sp.GetRequiredService<AuditQueries>();
            second = await queries.PageAsync(nameof(Unit), unitId, estateId, null, new PageRequest(5, 5));
            oldest = await queries.PageAsync(nameof(Unit), unitId, estateId, null, new PageRequest(0, 2, AuditQueries.SortByTime));
            created = await queries.PageAsync(nameof(Unit), unitId, estateId, AuditAction.Created, new PageRequest(0, 5));
        });

        // Newest first: 72, 71, … 61, 60; the second page of five holds 67 … 63.
        Assert.Equal(["67", "66", "65", "64", "63"], second.Rows.Select(e => e.Changes.Single().New));
        Assert.Equal(13, second.Total);
        Assert.Equal(["60", "61"], oldest.Rows.Select(e => e.Changes.Single().New));
        Assert.Equal((1, AuditAction.Created), (created.Total, created.Rows.Single().Action));
    }

    [Fact]
    public async Task AuditTrail_OnePageShown_FilteredToNothing_SaysSo()
    {
        var (unitId, estateId) = await UnitWithChangesAsync(12, skip: 1);
        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Manager, async (_, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<AuditQueries>());
            var host = ctx.Render(b =>
            {
                b.OpenComponent<MudBlazor.MudPopoverProvider>(0);
                b.CloseComponent();
                b.OpenComponent<AuditTrail>(1);
                b.AddAttribute(2, nameof(AuditTrail.EntityType), nameof(Unit));
                b.AddAttribute(3, nameof(AuditTrail.EntityId), unitId);
                b.AddAttribute(4, nameof(AuditTrail.EstateId), estateId);
                b.CloseComponent();
            });
            var trail = host.FindComponent<AuditTrail>();
            trail.WaitForAssertion(() => Assert.Equal(10, trail.FindAll("[data-testid=audit-entry]").Count));
            Assert.Contains("2026-07-02 04:00", trail.FindAll("[data-testid=audit-entry]")[0].TextContent); // 20:00 UTC, Shanghai

            var select = trail.FindComponent<MudBlazor.MudSelect<AuditAction?>>();
            await trail.InvokeAsync(() => select.Instance.SelectOption(AuditAction.Deleted));

            trail.WaitForAssertion(() => Assert.Empty(trail.FindAll("[data-testid=audit-entry]")));
            Assert.Equal("No changes of this kind were recorded.", trail.Find("[data-testid=audit-none]").TextContent.Trim());
        }));
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Registry.Import;
using PropertyHub.Tests.Features.Reception;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>
/// From the VIP trial, on SQLite: only staff who may serve VIPs are service managers; the VIP profile is the one notion
/// of VIP (the registry editor and import cannot make one); open items follow the VIP service live.
/// </summary>
public sealed class VipOneNotionTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private VipFollowTesting.Steps Steps => new((role, work) => app.InScopeAs(role, async sp => { await work(sp); return 0; }), app.CreateDbContextAsync, VipTesting.Today(app));

    [Fact]
    public Task ServiceManager_EngineerRefusedInChinese_OnlyClerksSupervisorsAndTheManagerOffered() => VipFollowTesting.OnlyServingStaffAsync(Steps, 90);

    [Fact]
    public Task ItemLoggedBeforeVip_FollowsTheStartAChangeAndTheEnd_Announced() =>
        VipFollowTesting.ItemFollowsStartChangeAndEndAsync(Steps, 95, id => app.EventsFor(id, PropertyHub.Features.Reception.WorkQueueEventKind.Changed).Count);

    [Fact]
    public async Task RegistryEditorAndImport_CannotMakeOrEndAVip_ExportedValueAndBlankAccepted()
    {
        await using var db = await app.CreateDbContextAsync();
        var plain = await db.Occupants.Where(o => !o.IsVip).OrderBy(o => o.Id).Skip(100).Select(o => o.Id).FirstAsync();
        var form = (await app.InScopeAs(Roles.Manager, sp => sp.GetRequiredService<RegistryService>().GetOccupantFormAsync(plain)))!;
        form.IsVip = true;
        Assert.True((await app.InScopeAs(Roles.Manager, sp => sp.GetRequiredService<RegistryService>().SaveOccupantAsync(form))).Succeeded);
        Assert.Equal((0, false), await VipTesting.StoredAsync(app, plain));

        var vip = await VipTesting.OccupantAsync(app, 105);
        var supervisor = await VipTesting.UserIdAsync(app, Roles.Supervisor);
        Assert.True((await VipTesting.SaveAsync(app, Roles.Manager,
            new VipForm { OccupantId = vip.OccupantId, Reason = "业委会", ServiceManagerId = supervisor, ReviewOn = VipTesting.Today(app).AddDays(20) })).Succeeded);
        var rows = await db.Occupants.Where(o => o.Id == plain || o.Id == vip.OccupantId).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Role, o.Phone, Number = o.Unit!.Number, o.Unit.Floor, o.Unit.Area, Building = o.Unit.Building!.Code, BuildingName = o.Unit.Building.Name }).ToListAsync();
        ImportRow Row(int number, int occupantId, string? vipCell)
        {
            var o = rows.Single(r => r.Id == occupantId);
            var cells = new Dictionary<ImportColumn, string>
            {
                [ImportColumn.BuildingCode] = o.Building, [ImportColumn.BuildingName] = o.BuildingName, [ImportColumn.UnitNumber] = o.Number,
                [ImportColumn.Floor] = o.Floor.ToString(), [ImportColumn.Area] = o.Area.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ImportColumn.Use] = "住宅", [ImportColumn.OccupantRole] = o.Role == OccupantRole.Owner ? "业主" : "租户", [ImportColumn.OccupantName] = o.Name,
                [ImportColumn.Phone] = o.Phone ?? "",
            };
            if (vipCell is not null)
                cells[ImportColumn.IsVip] = vipCell;
            return new ImportRow(number, cells);
        }
        var preview = await app.InScope(sp => sp.GetRequiredService<RegistryImportValidator>().ValidateAsync(app.EstateId,
            [Row(2, plain, "是"), Row(3, vip.OccupantId, "否"), Row(4, vip.OccupantId, "是"), Row(5, plain, "否"), Row(6, plain, null)]));
        Assert.Equal([2, 3], preview.Errors.Where(e => e.Column == ImportColumn.IsVip).Select(e => e.Row).Order());
        Assert.All(preview.Errors.Where(e => e.Column == ImportColumn.IsVip), e => Assert.Equal("VipByProfile", e.Message.Key));
    }

    [Fact]
    public async Task OccupantEditor_NoVipBox_TheManagerEndsTheVipFromIt_TheClerkSeesTheServiceOnly()
    {
        var who = await VipTesting.OccupantAsync(app, 110);
        Assert.True((await VipTesting.SaveAsync(app, Roles.Manager, new VipForm
        {
            OccupantId = who.OccupantId, Reason = "业委会主任", ServiceManagerId = await VipTesting.UserIdAsync(app, Roles.Supervisor), ReviewOn = VipTesting.Today(app).AddDays(20),
        })).Succeeded);
        var supervisorName = DemoUsers.All.Single(u => u.Role == Roles.Supervisor).DisplayName;
        foreach (var role in new[] { Roles.Clerk, Roles.Manager })
        {
            await app.InScopeAs(role, async sp =>
            {
                var form = (await sp.GetRequiredService<RegistryService>().GetOccupantFormAsync(who.OccupantId))!;
                await using var ctx = new BunitContext();
                ctx.JSInterop.Mode = JSRuntimeMode.Loose;
                ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
                ctx.Services.AddLocalization();
                ctx.Services.AddSingleton(sp.GetRequiredService<VipService>());
                ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
                var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
                var editor = ctx.Render<OccupantEditor>(p => p.Add(e => e.Form, form).Add(e => e.Save, f => Task.FromResult(SaveResult<OccupantForm>.Saved(f))));

                Assert.Empty(editor.FindAll("[data-testid=occupant-vip]"));
                editor.WaitForAssertion(() => Assert.Contains(supervisorName, editor.Find("[data-testid=vip-service]").TextContent));
                Assert.NotEmpty(editor.FindAll("[data-testid=occupant-vip-notes]"));
                if (role == Roles.Clerk)
                {
                    Assert.Empty(editor.FindAll("[data-testid=end-vip]"));
                    return 0;
                }
                editor.Find("[data-testid=end-vip]").Click();
                dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("结束") || b.TextContent.Contains("End VIP")).Click());
                editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("[data-testid=vip-service]")));
                Assert.Empty(editor.FindAll("[data-testid=occupant-vip-notes]"));
                return 0;
            });
        }
        Assert.Equal((1, false), await VipTesting.StoredAsync(app, who.OccupantId));
    }

    [Fact]
    public async Task VipDialog_ServiceManagerPicker_OffersOnlyStaffWhoMayServe()
    {
        var who = await VipTesting.OccupantAsync(app, 115);
        var names = DemoUsers.All.ToDictionary(u => u.Role, u => u.DisplayName);
        await app.InScopeAs(Roles.Manager, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<VipService>());
            var cut = ctx.Render(b =>
            {
                b.OpenComponent<MudBlazor.MudPopoverProvider>(0);
                b.CloseComponent();
                b.OpenComponent<MudBlazor.MudDialogProvider>(1);
                b.CloseComponent();
            });
            var dialogs = ctx.Services.GetRequiredService<MudBlazor.IDialogService>();
            await cut.InvokeAsync(() => dialogs.ShowAsync<VipDialog>("", new MudBlazor.DialogParameters<VipDialog> { { d => d.Form, new VipForm { OccupantId = who.OccupantId } } }));
            var select = cut.FindComponent<MudBlazor.MudSelect<string>>();
            await cut.InvokeAsync(() => select.Instance.OpenMenu());
            cut.WaitForAssertion(() => Assert.Contains(names[Roles.Supervisor], cut.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
            var offered = cut.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).Where(names.ContainsValue).Order().ToList();
            Assert.Equal(new[] { names[Roles.Clerk], names[Roles.Supervisor], names[Roles.Manager] }.Order(), offered);
            return 0;
        });
    }
}

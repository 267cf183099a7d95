using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.OccupantFile.Documents;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>
/// From the user trial of the occupant file: the demo's VIPs have their service (and the badge), a VIP service can be
/// ended, title records corrected, a former owner is not shown as the owner, dates are typed in any language, and the
/// owner field of the transfer dialog starts empty.
/// </summary>
public sealed class TrialFixesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DemoSeed_EveryVipHasTheServiceAgreed_TheirComplaintCarriesTheBadgesServiceManager()
    {
        await using var db = await factory.CreateDbContextAsync();
        var vips = await db.Occupants.Where(o => o.IsVip).Select(o => new { o.Id, o.UnitId, o.Unit!.Building!.EstateId, Profile = db.VipProfiles.Any(v => v.OccupantId == o.Id) }).ToListAsync();
        Assert.NotEmpty(vips);
        Assert.All(vips, v => Assert.True(v.Profile));

        var vip = vips[0];
        var logged = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = vip.EstateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
            UnitId = vip.UnitId, OccupantId = vip.Id, CallerName = "业委会", Content = "电梯困人。",
        }));
        Assert.Equal(DemoUsers.All.Single(u => u.Role == Roles.Supervisor).DisplayName, logged.Request!.ServiceManagerName);
    }

    [Fact]
    public async Task EndVip_ByTheManager_NoLongerVipAndTheNextItemHasNoBadge_TheClerkMayNot()
    {
        await using var db = await factory.CreateDbContextAsync();
        var vip = await db.Occupants.Where(o => o.IsVip).OrderByDescending(o => o.Id).Select(o => new { o.Id, o.UnitId, o.Unit!.Building!.EstateId }).FirstAsync();

        var byClerk = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<VipService>().EndAsync(vip.Id));
        var ended = await factory.AsRoleAsync(Roles.Manager, sp => sp.GetRequiredService<VipService>().EndAsync(vip.Id));
        var summary = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<VipService>().SummaryAsync(vip.Id));
        var logged = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = vip.EstateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
            UnitId = vip.UnitId, OccupantId = vip.Id, CallerName = "王", Content = "楼道灯不亮。",
        }));

        Assert.Equal(SaveOutcome.Denied, byClerk.Outcome);
        Assert.True(ended.Succeeded);
        Assert.Null(summary);
        Assert.Null(logged.Request!.ServiceManagerName);
        Assert.True(await db.VipProfiles.AnyAsync(v => v.OccupantId == vip.Id));
    }

    [Fact]
    public async Task TitleRecords_CorrectedAfterEntry_TooLongRefusedAndNothingChanged_FormerOwnerShownAsSuch()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory, skip: 4);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2025, 6, 1));
        var history = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<TitleService>().GetHistoryAsync(unit.UnitId));
        var buyer = history.Single(h => h.OccupantId == unit.BuyerId);
        var titles = (IServiceProvider sp) => sp.GetRequiredService<TitleService>();

        var tooLong = await factory.AsRoleAsync(Roles.Clerk, sp => titles(sp).EditRecordsAsync(new TitleRecordsEdit { Id = buyer.Id, CertificateNumber = new string('号', 51) }));
        var byEngineer = await factory.AsRoleAsync(Roles.Engineer, sp => titles(sp).EditRecordsAsync(new TitleRecordsEdit { Id = buyer.Id, CertificateNumber = "X" }));
        var edited = await factory.AsRoleAsync(Roles.Clerk, sp => titles(sp).EditRecordsAsync(new TitleRecordsEdit
        {
            Id = buyer.Id, PurchaseContract = "HT-2025-0601", CertificateNumber = "沪(2025)浦字第0601号", PaymentProof = "转账回单 20250601",
        }));

        Assert.NotNull(tooLong.ErrorFor(nameof(TitleRecordsEdit.CertificateNumber)));
        Assert.Equal(SaveOutcome.Denied, byEngineer.Outcome);
        Assert.True(edited.Succeeded);
        var after = (await factory.AsRoleAsync(Roles.Clerk, sp => titles(sp).GetHistoryAsync(unit.UnitId))).Single(h => h.Id == buyer.Id);
        Assert.Equal(("HT-2025-0601", "沪(2025)浦字第0601号", "转账回单 20250601", new DateOnly(2025, 6, 1)), (after.PurchaseContract, after.CertificateNumber, after.PaymentProof, after.From));

        var client = await factory.ClientForRoleAsync(Roles.Clerk);
        var response = await client.GetAsync($"/units/{unit.UnitId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        string Role(int id) => page.QuerySelector($"[data-testid=occupant-role][data-occupant-id=\"{id}\"]")!.TextContent.Trim();
        Assert.Equal(("原业主", "业主"), (Role(unit.SellerId), Role(unit.BuyerId)));
    }

    [Fact]
    public Task DatesTypedInChinese_OwnerOnFoundAndTheTransferDateTaken_TheOwnerFieldStartsEmpty() => factory.AsAsync(Roles.Clerk, async sp =>
    {
        var unit = await TitleTesting.SoldUnitAsync(factory, skip: 9);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2025, 9, 1));
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo("zh-Hant"), new CultureInfo("zh-Hant"));
        try
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<TitleService>());
            ctx.AddAuthorization().SetAuthorized(Roles.Clerk).SetAccess(Roles.Clerk);
            var dialogs = ctx.Render<MudDialogProvider>();
            var occupants = new List<OccupantView>();
            var panel = ctx.Render<TitleRecordsPanel>(p => p.Add(c => c.UnitId, unit.UnitId).Add(c => c.Occupants, occupants));

            panel.Find("input[data-testid=owner-on-date], [data-testid=owner-on-date] input").Change("2025-08-31");
            panel.WaitForAssertion(() => Assert.Contains(unit.Seller, panel.Find("[data-testid=owner-on-result]").TextContent));
            panel.Find("input[data-testid=owner-on-date], [data-testid=owner-on-date] input").Change("2025-09-01");
            panel.WaitForAssertion(() => Assert.Contains(unit.Buyer, panel.Find("[data-testid=owner-on-result]").TextContent));

            var text = ctx.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<PropertyHub.Resources.OccupantFileText>>();
            var service = ctx.Services.GetRequiredService<IDialogService>();
            var form = new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2 };
            await dialogs.InvokeAsync(() => service.ShowAsync<TransferDialog>("", new DialogParameters<TransferDialog> { { d => d.Form, form }, { d => d.Occupants, occupants } }));
            var owner = dialogs.Find("input[data-testid=transfer-owner], [data-testid=transfer-owner] input");
            Assert.True(string.IsNullOrEmpty(owner.GetAttribute("value")), $"The empty owner field shows '{owner.GetAttribute("value")}'");
            dialogs.Find("input[data-testid=transfer-date], [data-testid=transfer-date] input").Change("2026-01-15");
            dialogs.Find("form[data-testid=transfer-form]").Submit();
            dialogs.WaitForAssertion(() => Assert.Contains(text["OwnerRequired"].Value, dialogs.Markup));
            Assert.DoesNotContain(text["TransferDateRequired"].Value, dialogs.Markup);
            Assert.Equal(new DateOnly(2026, 1, 15), form.From);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    });
}

using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Files;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Repairs.Visits;
using PropertyHub.Features.Settings;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The trial's findings on the engineer's and the desk's pages, rendered with the real service signed in as the role.</summary>
public sealed class RepairsComponentTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private async Task<(BunitContext Context, AsyncServiceScope Scope)> ContextAsync(string role)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<EstateTime>());
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<FileIntake>());
        return (ctx, scope);
    }

    [Fact]
    public async Task Finish_WithUntickedChecklist_WarnsFirst_SecondTapHandsOver()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        var (ctx, scope) = await ContextAsync(Roles.Engineer);
        await using var _ = scope;
        await using var __ = ctx;
        var page = ctx.Render<VisitPage>(p => p.Add(v => v.Id, order.Id));
        page.WaitForElement("[data-testid='visit-finish']");
        page.Find("[data-testid='visit-check-UniformAndBadge']").Click();
        page.Find("[data-testid='visit-work-done'] textarea, textarea[data-testid='visit-work-done'], [data-testid='visit-work-done'] input, input[data-testid='visit-work-done']").Input("Washer replaced");
        page.Find("textarea").Blur();

        await page.Find("[data-testid='visit-finish']").ClickAsync(new());

        var warning = page.Find("[data-testid='visit-checklist-warning']");
        Assert.Contains("Shoe covers", warning.TextContent);
        Assert.Equal(WorkOrderStatus.InProgress, (await app.LoadOrderAsync(order.Id)).Status);
        await page.Find("[data-testid='visit-finish']").ClickAsync(new());
        page.WaitForElement("[data-testid='visit-hand-over']");
        Assert.Equal(WorkOrderStatus.AwaitingAcceptance, (await app.LoadOrderAsync(order.Id)).Status);
        // Said in the page: a toast would cover the heading on a phone.
        Assert.NotNull(page.Find("[data-testid='visit-saved']"));
        Assert.Empty(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    [Fact]
    public async Task Visit_TicksAndWorkDone_SavedAsEntered_ShownAgainAfterAReload()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        var (ctx, scope) = await ContextAsync(Roles.Engineer);
        await using var _ = scope;
        await using var __ = ctx;
        var page = ctx.Render<VisitPage>(p => p.Add(v => v.Id, order.Id));
        page.WaitForElement("[data-testid='visit-check-ShoeCovers']");

        await page.Find("[data-testid='visit-check-ShoeCovers']").ClickAsync(new());
        await page.Find("[data-testid='visit-check-DropCloth']").ClickAsync(new());
        await page.Find("[data-testid='visit-check-DropCloth']").ClickAsync(new());
        // Typed, then the field left (the phone locks): saved without waiting for the pause.
        await page.Find("textarea").InputAsync(new ChangeEventArgs { Value = "Washer replaced" });
        await page.Find("textarea").BlurAsync(new());
        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal(("ShoeCovers", "Washer replaced"), (stored.VisitChecks, stored.WorkDone));

        // The phone locked: the page is opened again from nothing.
        page.Dispose();
        var reloaded = ctx.Render<VisitPage>(p => p.Add(v => v.Id, order.Id));
        reloaded.WaitForAssertion(() => Assert.Equal("true", reloaded.Find("[data-testid='visit-check-ShoeCovers']").GetAttribute("aria-pressed")));
        Assert.Equal("false", reloaded.Find("[data-testid='visit-check-DropCloth']").GetAttribute("aria-pressed"));
        Assert.Equal("Washer replaced", reloaded.Find("textarea").GetAttribute("value") ?? reloaded.Find("textarea").TextContent);
    }

    [Fact]
    public async Task Visit_AcceptanceLinkSent_ShowsWhenAndTo_SecondTapSendsNothing()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        order = Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
        var (ctx, scope) = await ContextAsync(Roles.Engineer);
        await using var _ = scope;
        await using var __ = ctx;
        var page = ctx.Render<VisitPage>(p => p.Add(v => v.Id, order.Id));
        page.WaitForElement("[data-testid='visit-send-link']");
        Assert.Empty(page.FindAll("[data-testid='visit-link-sent']"));

        await page.Find("[data-testid='visit-send-link']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='visit-link-sent']")));
        var shown = page.FindAll("[data-testid='visit-link-sent']").Count;
        Assert.Contains("Acceptance link sent", page.Find("[data-testid='visit-link-sent']").TextContent);
        await page.Find("[data-testid='visit-send-link']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("wait a few minutes", page.Markup));
        Assert.Equal(shown, page.FindAll("[data-testid='visit-link-sent']").Count);
    }

    [Fact]
    public async Task MyVisits_PagesToTheDayBeforeAndAfter()
    {
        var (ctx, scope) = await ContextAsync(Roles.Engineer);
        await using var _ = scope;
        await using var __ = ctx;
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/repairs/visits?day=2026-10-20");

        var page = ctx.Render<MyVisitsPage>();

        page.WaitForAssertion(() => Assert.Equal("2026-10-20", page.Find("[data-testid='visits-day']").TextContent));
        Assert.EndsWith("day=2026-10-19", page.Find("[data-testid='visits-previous']").GetAttribute("href"));
        Assert.EndsWith("day=2026-10-21", page.Find("[data-testid='visits-next']").GetAttribute("href"));
    }

    [Fact]
    public async Task Kiosk_StartsWithoutTheStaffPagesToast()
    {
        var (ctx, scope) = await ContextAsync(Roles.Engineer);
        await using var _ = scope;
        await using var __ = ctx;
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        snackbar.Add("Saved", Severity.Success);
        Assert.NotEmpty(snackbar.ShownSnackbars);

        ctx.Render<AcceptancePage>(p => p.Add(a => a.Id, int.MaxValue));

        Assert.Empty(snackbar.ShownSnackbars);
    }

    [Fact]
    public async Task EmergencyBadge_ShowsTheWord()
    {
        await app.NewOrderAsync(RepairUrgency.Emergency);
        var (ctx, scope) = await ContextAsync(Roles.Clerk);
        await using var _ = scope;
        await using var __ = ctx;

        var table = ctx.Render<WorkOrdersTable>(p => p.Add(t => t.EstateId, app.EstateId));

        table.WaitForAssertion(() => Assert.Equal("Emergency", table.FindAll("[data-testid='work-order-urgency-badge']")[0].TextContent.Trim()));
    }

    [Fact]
    public async Task Photo_OverTheSizeLimitOrNotAPicture_ClearMessageNothingStored()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        var (ctx, scope) = await ContextAsync(Roles.Engineer);
        await using var _ = scope;
        await using var __ = ctx;
        var maxBytes = scope.ServiceProvider.GetRequiredService<FileIntake>().MaxBytes;
        var photos = await PhotoCountAsync();
        var capture = ctx.Render<PhotoCapture>(p => p.Add(c => c.WorkOrderId, order.Id).Add(c => c.Version, order.Version));

        // A picture one byte over the limit (a PNG header, then padding).
        var big = new byte[maxBytes + 1];
        PropertyHub.Tests.Features.Renovation.RenovationTesting.Png.CopyTo(big, 0);
        capture.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(big, "tap.png", contentType: "image/png"));
        capture.WaitForAssertion(() => Assert.Contains($"The file is larger than {maxBytes / (1024 * 1024)} MB.", capture.Markup));
        capture.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[1].UploadFiles(InputFileContent.CreateFromText("%PDF-1.4 not a photo", "tap.jpg", contentType: "image/jpeg"));
        capture.WaitForAssertion(() => Assert.Contains("Its content was checked, not its name.", capture.Markup));

        Assert.Equal(photos, await PhotoCountAsync());
    }

    private async Task<int> PhotoCountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.WorkOrderPhotos);
    }
}

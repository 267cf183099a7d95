using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Counter;
using PropertyHub.Features.Registry;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Tests.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Fees.Counter;

/// <summary>Renders the counter page with the app's real services, signed in as a demo user of a role, opened on a unit.</summary>
internal static class CounterTesting
{
    public static Task RenderCounterAsync(this AppFactory factory, string role, int unitId, Func<IRenderedComponent<CounterPage>, Task> test) =>
        factory.RenderCounterAsync(role, unitId, (page, _) => test(page));

    /// <summary>Also hands over the dialog provider, where the reverse dialog appears.</summary>
    public static Task RenderCounterAsync(this AppFactory factory, string role, int unitId,
        Func<IRenderedComponent<CounterPage>, IRenderedComponent<MudDialogProvider>, Task> test) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(role, async (registry, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(registry);
            ctx.Services.AddSingleton(sp.GetRequiredService<PaymentService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<CurrentActor>());
            ctx.Services.AddSingleton(sp.GetRequiredService<Permissions>());
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(sp.GetRequiredService<IDbContextFactory<AppDbContext>>());
            ctx.Services.AddSingleton(TimeProvider.System);
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/fees/counter?unit={unitId}");
            var dialogs = ctx.Render<MudDialogProvider>();
            var page = ctx.Render<CounterPage>();
            page.WaitForElement("form[data-testid=counter-form]", TimeSpan.FromSeconds(10));
            await test(page, dialogs);
        }));

    public static void Type(this IRenderedComponent<CounterPage> page, string testId, string value) =>
        page.Find($"[data-testid={testId}]").Input(value);

    public static void Choose(this IRenderedComponent<CounterPage> page, PaymentMethod method) =>
        page.Find($"input[data-testid=counter-method-{method}]").Click();

    public static void Record(this IRenderedComponent<CounterPage> page) =>
        page.Find("form[data-testid=counter-form]").Submit();

    /// <summary>The error text MudBlazor shows under the field.</summary>
    public static string ErrorUnder(this IRenderedComponent<CounterPage> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    public static async Task<List<Payment>> PaymentsAsync(this AppFactory factory, int unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Payments.AsNoTracking().Include(p => p.Allocations).Where(p => p.UnitId == unitId).OrderBy(p => p.Id).ToListAsync();
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.IntakeDesk;
using PropertyHub.Features.Reception.Knowledge;
using PropertyHub.Features.Settings;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>Renders the intake page with the app's real services, signed in as a demo user of a role.</summary>
internal static class IntakeTesting
{
    public static Task RenderIntakeAsync(this AppFactory factory, string role, Func<IRenderedComponent<IntakePage>, BunitContext, Task> test, string culture = "en") =>
        RegistryTesting.InCultureAsync(culture, () => factory.AsAsync(role, async (registry, sp) =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(registry);
            ctx.Services.AddSingleton(sp.GetRequiredService<ReceptionService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<DeskProfile>());
            ctx.Services.AddSingleton(sp.GetRequiredService<KnowledgeService>());
            ctx.Services.AddSingleton(TimeProvider.System);
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.OccupantFile.Vip.VipService>());
            var page = ctx.Render<IntakePage>();
            page.WaitForElement("form[data-testid=intake-form]", TimeSpan.FromSeconds(10));
            await test(page, ctx);
        }));

    public static void Type(this IRenderedComponent<IntakePage> page, string testId, string value) =>
        page.Find($"[data-testid={testId}]").Input(value);

    public static void Choose(this IRenderedComponent<IntakePage> page, string testId) =>
        page.Find($"input[data-testid={testId}]").Click();

    public static void Submit(this IRenderedComponent<IntakePage> page) =>
        page.Find("form[data-testid=intake-form]").Submit();

    /// <summary>The error text MudBlazor shows under the field.</summary>
    public static string ErrorUnder(this IRenderedComponent<IntakePage> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
}

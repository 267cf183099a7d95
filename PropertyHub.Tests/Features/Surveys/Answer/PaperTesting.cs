using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Answer;
using PropertyHub.Tests.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Surveys.Answer;

/// <summary>Renders the paper entry page with the app's real services, signed in as a demo user of a role.</summary>
internal static class PaperTesting
{
    /// <summary>Mid-November 2026 in Shanghai: the current quarter is 2026-Q4, the one the factory issued.</summary>
    public static readonly DateTimeOffset November = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    public static Task RenderPaperAsync(this SurveyAppFactory factory, string role, Func<IRenderedComponent<PaperEntryPage>, Task> test, DateTimeOffset? now = null) =>
        RegistryTesting.InCultureAsync("en", async () =>
        {
            await factory.EnsureIssuedAsync();
            await factory.AsAsync(role, async sp =>
            {
                await using var ctx = new BunitContext();
                ctx.JSInterop.Mode = JSRuntimeMode.Loose;
                ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
                ctx.Services.AddLocalization();
                ctx.Services.AddSingleton(sp.GetRequiredService<SurveyAnswers>());
                ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
                ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? November));
                var page = ctx.Render<PaperEntryPage>();
                await test(page);
            });
        });

    public static void Type(this IRenderedComponent<PaperEntryPage> page, string testId, string value) =>
        page.Find($"input[data-testid={testId}]").Input(value);

    /// <summary>Types the unit and presses Enter (submits the lookup form).</summary>
    public static void LookUp(this IRenderedComponent<PaperEntryPage> page, string unit)
    {
        page.Type("paper-unit", unit);
        page.Find("form[data-testid=paper-find]").Submit();
    }

    /// <summary>One digit per item, in the page's order.</summary>
    public static void TypeScores(this IRenderedComponent<PaperEntryPage> page, SurveyForm form, params int[] scores)
    {
        foreach (var (item, score) in form.Items.Zip(scores))
            page.Type($"paper-score-{item.Code}", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Save(this IRenderedComponent<PaperEntryPage> page) =>
        page.Find("form[data-testid=paper-form]").Submit();

    public static string Value(this IRenderedComponent<PaperEntryPage> page, string testId) =>
        page.Find($"input[data-testid={testId}]").GetAttribute("value") ?? "";

    /// <summary>The error text MudBlazor shows under the field.</summary>
    public static string ErrorUnder(this IRenderedComponent<PaperEntryPage> page, string testId) =>
        page.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
}

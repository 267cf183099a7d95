using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Surveys.Templates;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.Surveys.Templates;

/// <summary>The template page: the manager edits the active template's items; others are turned away.</summary>
public sealed class SurveyTemplatePageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static BunitContext NewContext(IServiceProvider services)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(services.GetRequiredService<SurveyTemplateService>());
        ctx.AddAuthorization().SetAuthorized("manager").SetAccess(Roles.Manager);
        return ctx;
    }

    private static async Task FillAsync(IRenderedComponent<SurveyTemplatePage> page, string code, string hans, string hant, string en)
    {
        await page.Find("input[data-testid=item-code]").ChangeAsync(new() { Value = code });
        await page.Find("input[data-testid=item-name-hans]").ChangeAsync(new() { Value = hans });
        await page.Find("input[data-testid=item-name-hant]").ChangeAsync(new() { Value = hant });
        await page.Find("input[data-testid=item-name-en]").ChangeAsync(new() { Value = en });
        await page.Find("form[data-testid=add-item-form]").SubmitAsync();
    }

    [Fact]
    public async Task TemplatePage_ManagerAddsAnItem_ItIsSavedToTheActiveTemplateAndListed()
    {
        var code = "lift-" + Guid.NewGuid().ToString("N")[..6];
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = NewContext(scope.ServiceProvider);

        var page = ctx.Render<SurveyTemplatePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=item-row]")));
        Assert.NotEmpty(page.FindAll("[data-testid=template-active]"));
        await FillAsync(page, code, "电梯运行", "電梯運行", "Lifts");

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=item-row]"), r => r.GetAttribute("data-code") == code));
        var active = await factory.ActiveAsync();
        var item = Assert.Single(active.Items, i => i.Code == code);
        Assert.Equal(("电梯运行", "電梯運行", "Lifts", Department.Property), (item.NameHans, item.NameHant, item.NameEn, item.Department));
        Assert.Equal(code, active.AskedCodes()[^1]);
        Assert.Contains(page.FindAll("[data-testid=preview][data-culture=zh-Hant] [data-testid=preview-item]"), r => r.TextContent.Contains("電梯運行", StringComparison.Ordinal));
        Assert.Empty(page.Find("input[data-testid=item-code]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task TemplatePage_BadCodeAndMissingName_ShowsMessagesAndNothingIsSaved()
    {
        var before = await factory.ActiveAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = NewContext(scope.ServiceProvider);
        var text = ctx.Services.GetRequiredService<IStringLocalizer<SurveyTemplateText>>();

        var page = ctx.Render<SurveyTemplatePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=item-row]")));
        await FillAsync(page, "Car Park", "停车", "", "Parking");

        page.WaitForAssertion(() =>
        {
            var helpers = page.FindAll(".mud-input-helper-text").Select(h => h.TextContent).ToList();
            Assert.Contains(helpers, h => h.Contains(text["CodeInvalid"].Value, StringComparison.Ordinal));
            Assert.Contains(helpers, h => h.Contains(text["NameRequired"].Value, StringComparison.Ordinal));
        });
        var after = await factory.ActiveAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Items.Count, after.Items.Count);
    }

    [Fact]
    public async Task TemplatePage_ManagerArchivesAnItem_ItIsStoredArchivedAndLeavesThePreview()
    {
        var target = (await factory.ActiveAsync()).Items.OrderBy(i => i.Order).First(i => !i.IsArchived);
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = NewContext(scope.ServiceProvider);

        var page = ctx.Render<SurveyTemplatePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=item-row]")));
        var previewBefore = page.FindAll("[data-testid=preview][data-culture=en] [data-testid=preview-item]").Count;
        await page.Find($"[data-testid=item-row][data-code={target.Code}] [data-testid=item-archive]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=item-row][data-code={target.Code}] [data-testid=item-unarchive]")));
        Assert.True((await factory.ActiveAsync()).Items.Single(i => i.Id == target.Id).IsArchived);
        Assert.Equal(previewBefore - 1, page.FindAll("[data-testid=preview][data-culture=en] [data-testid=preview-item]").Count);

        await page.Find($"[data-testid=item-row][data-code={target.Code}] [data-testid=item-unarchive]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=item-row][data-code={target.Code}] [data-testid=item-archive]")));
        Assert.False((await factory.ActiveAsync()).Items.Single(i => i.Id == target.Id).IsArchived);
    }

    [Fact]
    public async Task TemplatePage_ManagerEditsAnItemInTheDialog_NamesAndDepartmentAreSaved()
    {
        var target = (await factory.ActiveAsync()).Items.OrderBy(i => i.Order).Last(i => !i.IsArchived);
        var name = "Renamed " + Guid.NewGuid().ToString("N")[..6];
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = NewContext(scope.ServiceProvider);
        var dialogs = ctx.Render<MudDialogProvider>();

        var page = ctx.Render<SurveyTemplatePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=item-row]")));
        // The click's handler waits for the dialog to close: keep its task and await it once the dialog is saved.
        var click = page.Find($"[data-testid=item-row][data-code={target.Code}] [data-testid=item-edit]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form[data-testid=edit-item-form]")));
        Assert.Empty(dialogs.FindAll("input[data-testid=item-code]"));
        await dialogs.Find("form[data-testid=edit-item-form] input[data-testid=item-name-en]").ChangeAsync(new() { Value = name });
        await dialogs.Find("form[data-testid=edit-item-form]").SubmitAsync();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("form[data-testid=edit-item-form]")));
        await click;
        var stored = (await factory.ActiveAsync()).Items.Single(i => i.Id == target.Id);
        Assert.Equal((name, target.Code, target.NameHans, target.Version + 1), (stored.NameEn, stored.Code, stored.NameHans, stored.Version));
        page.WaitForAssertion(() => Assert.Contains(name, page.Find($"[data-testid=item-row][data-code={target.Code}]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TemplatePage_ManagerActivatesAnotherTemplateAfterConfirming_ItBecomesTheOnlyActiveOne()
    {
        var draft = await factory.NewTemplateAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = NewContext(scope.ServiceProvider);
        var activate = ctx.Services.GetRequiredService<IStringLocalizer<SurveyTemplateText>>()["Activate"].Value;
        var dialogs = ctx.Render<MudDialogProvider>();

        var page = ctx.Render<SurveyTemplatePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=template-active]")));
        var picker = page.FindComponent<MudSelect<int>>();
        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(draft.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=activate]")));
        var click = page.Find("[data-testid=activate]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == activate));
        Assert.NotEqual(draft.Id, (await factory.ActiveAsync()).Id);
        await dialogs.FindAll("button").First(b => b.TextContent.Trim() == activate).ClickAsync(new());
        await click;

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=template-active]")));
        Assert.Equal(draft.Id, (await factory.ActiveAsync()).Id);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Clerk)]
    public async Task TemplatePage_NonManager_SeesAccessDenied(string role)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync("/surveys/template");
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            Assert.DoesNotContain("/account/login", response.Headers.Location!.OriginalString);
            response = await client.GetAsync(response.Headers.Location);
        }
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || html.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal),
            $"{role} got {(int)response.StatusCode}");
        Assert.DoesNotContain("data-testid=\"template-help\"", html);
    }

    [Fact]
    public async Task TemplatePage_Manager_GetsThePage()
    {
        var client = await factory.ClientForRoleAsync(Roles.Manager);
        var response = await client.GetAsync("/surveys/template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"access-denied\"", html);
        Assert.Contains("data-testid=\"template-help\"", html);
    }
}

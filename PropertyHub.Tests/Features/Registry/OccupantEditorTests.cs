using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

public sealed class OccupantEditorTests : IAsyncLifetime
{
    private readonly BunitContext ctx = new();
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;
    private readonly List<OccupantForm> saved = [];

    public OccupantEditorTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previous;
        await ctx.DisposeAsync();
    }

    private IRenderedComponent<OccupantEditor> Render(Func<OccupantForm, SaveResult<OccupantForm>> save) =>
        ctx.Render<OccupantEditor>(p => p
            .Add(e => e.Form, new OccupantForm { UnitId = 7, Name = "王伟" })
            .Add(e => e.Save, form =>
            {
                saved.Add(form);
                return Task.FromResult(save(form));
            }));

    private static void Type(IRenderedComponent<OccupantEditor> editor, string testId, string value) =>
        editor.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']").Input(value);

    [Fact]
    public void OccupantEditor_BadPhoneEmailAndIdInChinese_ShowsEachFieldsMessageAndDoesNotSave()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        var editor = Render(f => SaveResult<OccupantForm>.Saved(f));
        Type(editor, "occupant-phone", "abc");
        Type(editor, "occupant-email", "someone@");
        Type(editor, "occupant-id-number", "123");
        editor.Find("form").Submit();

        Assert.Empty(saved);
        Assert.Contains("请输入有效的手机号（11 位）或固定电话（如 0591-12345678）。", FieldText(editor, "occupant-phone"));
        Assert.Contains("电子邮箱格式不正确。", FieldText(editor, "occupant-email"));
        Assert.Contains("证件号码须为 18 位。", FieldText(editor, "occupant-id-number"));
        Assert.DoesNotContain("请填写业户姓名", editor.Markup);
    }

    [Fact]
    public void OccupantEditor_FullWidthPhoneAndId_AreNotRefusedBeforeTheServiceNormalisesThem()
    {
        var editor = Render(f => SaveResult<OccupantForm>.Saved(f));
        Type(editor, "occupant-phone", "１３９００００９９５１");
        Type(editor, "occupant-id-number", "１１０１０５１９４９１２３１００２Ｘ");
        editor.Find("form").Submit();

        var form = Assert.Single(saved);
        Assert.Equal("１３９００００９９５１", form.Phone);
    }

    [Fact]
    public void OccupantEditor_ArabicIndicPhone_SaysToTypeTheDigitsZeroToNine()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        var editor = Render(f => SaveResult<OccupantForm>.Saved(f));
        Type(editor, "occupant-phone", "١٣٩٠٠٠٠٩٩٥١");
        editor.Find("form").Submit();

        Assert.Empty(saved);
        Assert.Contains("请输入数字 0–9", FieldText(editor, "occupant-phone"));
    }

    [Fact]
    public void OccupantEditor_ServiceRejects_ShowsTheServicesMessageUnderItsField()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hant");
        var editor = Render(_ => new SaveResult<OccupantForm>(SaveOutcome.Invalid, null, [new FieldError("Name", "服務拒絕了這個名稱")]));
        Type(editor, "occupant-phone", "13912345678");
        editor.Find("form").Submit();

        var form = Assert.Single(saved);
        Assert.Equal("13912345678", form.Phone);
        Assert.Contains("服務拒絕了這個名稱", FieldText(editor, "occupant-name"));
    }

    [Fact]
    public void OccupantEditor_Conflict_ShowsMessageAndTheOtherUsersValues()
    {
        var editor = Render(_ => new SaveResult<OccupantForm>(SaveOutcome.Conflict, new OccupantForm { Id = 3, UnitId = 7, Name = "李娜", Version = 4 },
            [new FieldError("", "Someone else changed this record")]));
        editor.Find("form").Submit();

        Assert.Contains("Someone else changed this record", editor.Find("[data-testid='form-error']").TextContent);
        Assert.Equal("李娜", editor.Find("[data-testid='occupant-name'] input, input[data-testid='occupant-name']").GetAttribute("value"));
    }

    /// <summary>The text of a field's wrapper, where MudBlazor puts its error message.</summary>
    private static string FieldText(IRenderedComponent<OccupantEditor> editor, string testId)
    {
        var input = editor.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']");
        var control = input.Closest(".mud-input-control") ?? throw new InvalidOperationException("no input control around " + testId);
        return control.TextContent;
    }
}
